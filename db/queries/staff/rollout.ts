import "server-only";
// Recording a council rollout decision: the meeting (found by date or added), the agenda item, the
// vote and one decision per area, all in the caller's transaction.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agendaItems, councilMeetings, councilVotes, rolloutDecisions } from "@/db/schema/content";
import { areas, programs } from "@/db/schema/reference";
import type { ProgramSlug, RolloutStatus, VoteResult } from "@/lib/vocab";

export type RolloutDecisionInput = {
  program: ProgramSlug;
  areaSlugs: string[];
  status: RolloutStatus;
  decidedOn: string;
  liveOn: string | null;
  reason: string;
  motion: string;
  result: VoteResult;
  ayes: number;
  noes: number;
  abstentions: number;
  userId: number | null;
};

/** Null with the reason when the program or an area is unknown. */
export async function recordRolloutDecision(
  tx: DbOrTx,
  d: RolloutDecisionInput,
): Promise<{ voteId: number; decisionIds: number[] } | { error: string }> {
  const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, d.program));
  if (!program) return { error: "That technology is not set up in this city." };
  const found = await tx.select({ id: areas.id, slug: areas.slug }).from(areas);
  const ids = d.areaSlugs.map((s) => found.find((a) => a.slug === s)?.id);
  if (ids.some((i) => i === undefined)) return { error: "One of the areas is not an area of this city." };
  let [meeting] = await tx
    .select({ id: councilMeetings.id })
    .from(councilMeetings)
    .where(eq(councilMeetings.meetingDate, d.decidedOn))
    .orderBy(asc(councilMeetings.id))
    .limit(1);
  meeting ??= (
    await tx
      .insert(councilMeetings)
      .values({ meetingDate: d.decidedOn, title: "City Council meeting" })
      .returning({ id: councilMeetings.id })
  )[0];
  const [item] = await tx
    .insert(agendaItems)
    .values({ meetingId: meeting.id, title: d.motion, programId: program.id })
    .returning({ id: agendaItems.id });
  const [vote] = await tx
    .insert(councilVotes)
    .values({
      meetingId: meeting.id,
      agendaItemId: item.id,
      motion: d.motion,
      result: d.result,
      ayes: d.ayes,
      noes: d.noes,
      abstentions: d.abstentions,
    })
    .returning({ id: councilVotes.id });
  const rows = await tx
    .insert(rolloutDecisions)
    .values(
      ids.map((areaId) => ({
        programId: program.id,
        areaId: areaId!,
        status: d.status,
        decidedOn: d.decidedOn,
        liveOn: d.liveOn,
        reason: d.reason,
        voteId: vote.id,
        createdByUserId: d.userId,
      })),
    )
    .returning({ id: rolloutDecisions.id });
  return { voteId: vote.id, decisionIds: rows.map((r) => r.id) };
}
