import "server-only";
// Demo review history, so the first start shows the whole loop: a few records marked reviewed,
// and closed findings (assigned, explanation asked and answered) with outcomes and public
// summaries that the first publication puts on /findings and the records' public pages.
// Records are picked old enough to be past every publication delay.
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { cameraAccessEvents, droneFlights, findingRecords, findings, reviewActions, users } from "../../db/schema";
import type { FindingOutcome, ReviewRecordType } from "../../lib/vocab";

const DAY = 86_400_000;

export async function seedReviewHistory(tx: DbOrTx, now = new Date()): Promise<void> {
  const people = await tx
    .select({ id: users.id, role: users.role })
    .from(users)
    .where(inArray(users.role, ["auditor", "council"]));
  const auditor = people.find((p) => p.role === "auditor");
  const reviewer = people.find((p) => p.role === "council") ?? auditor;
  if (!auditor || !reviewer) return;
  const before = new Date(now.getTime() - 20 * DAY);
  const flights = await tx
    .select({ id: droneFlights.id, at: droneFlights.launchedAt })
    .from(droneFlights)
    .where(lt(droneFlights.launchedAt, before))
    .orderBy(desc(droneFlights.launchedAt))
    .limit(4);
  const accesses = await tx
    .select({ id: cameraAccessEvents.id, at: cameraAccessEvents.startedAt })
    .from(cameraAccessEvents)
    .where(and(lt(cameraAccessEvents.startedAt, before), eq(cameraAccessEvents.operation, "export")))
    .orderBy(desc(cameraAccessEvents.startedAt))
    .limit(6);
  if (flights.length < 4 || accesses.length < 6) return;

  const reviewed = [
    ...flights
      .slice(2)
      .map((r) => ({ recordType: "drone_flight" as const, recordId: r.id, at: new Date(r.at.getTime() + DAY) })),
    ...accesses
      .slice(4)
      .map((r) => ({ recordType: "camera_access" as const, recordId: r.id, at: new Date(r.at.getTime() + DAY) })),
  ];
  await tx.insert(reviewActions).values(
    reviewed.map((r) => ({
      ...r,
      action: "reviewed" as const,
      note: "Checked against the call log.",
      userId: reviewer.id,
    })),
  );

  const stories: {
    type: ReviewRecordType;
    records: { id: number; at: Date }[];
    findingType: string;
    note: string;
    outcome: FindingOutcome;
    summary: string;
  }[] = [
    {
      type: "camera_access",
      records: accesses.slice(0, 4),
      findingType: "no_case_number",
      note: "Four video exports without a case number in one week by one operator.",
      outcome: "policy_violation_training",
      summary:
        "Four camera video exports were made without a case number, which the use policy requires. The operator was retrained on the export rules and the agency added a required case-number field.",
    },
    {
      type: "drone_flight",
      records: flights.slice(0, 2),
      findingType: "flight_no_call",
      note: "Two flights with no linked call.",
      outcome: "data_quality",
      summary:
        "Two drone flights appeared to have no call for service. The calls existed but were logged under a different dispatch system; the import now links them.",
    },
  ];
  for (const s of stories) {
    const first = s.records[0];
    const openedAt = new Date(first.at.getTime() + 2 * DAY);
    const [f] = await tx
      .insert(findings)
      .values({
        recordType: s.type,
        recordId: first.id,
        findingType: s.findingType,
        note: s.note,
        status: "closed",
        openedBy: reviewer.id,
        openedAt,
        assignedTo: reviewer.id,
        assignedAt: new Date(openedAt.getTime() + DAY),
        explanationRequest: "Please explain these records and what the agency will change.",
        explanationDueOn: new Date(openedAt.getTime() + 10 * DAY).toISOString().slice(0, 10),
        explanationRequestedAt: new Date(openedAt.getTime() + DAY),
        explanation: "The agency's written explanation (demo).",
        explanationReceivedAt: new Date(openedAt.getTime() + 6 * DAY),
        closedBy: auditor.id,
        closedAt: new Date(openedAt.getTime() + 8 * DAY),
        outcome: s.outcome,
        outcomeNote: "Closed after the agency's explanation (demo).",
        publicSummary: s.summary,
      })
      .returning({ id: findings.id });
    await tx.insert(findingRecords).values(
      s.records.map((r) => ({
        findingId: f.id,
        recordType: s.type,
        recordId: r.id,
        addedBy: reviewer.id,
        addedAt: openedAt,
      })),
    );
  }
}
