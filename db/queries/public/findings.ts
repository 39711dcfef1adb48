import "server-only";
// Closed review findings as published: outcome, programs, period, number of records and the
// summary written for residents; which published records each covers; and the findings figures
// of the home page and the scorecard. Reads only the pub_ tables.
import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubFindingCounts, pubFindingRecords, pubFindings } from "@/db/schema";
import { FINDING_OUTCOME_LABELS, FINDING_OUTCOMES, type FindingOutcome } from "@/lib/vocab";

type Opts = { db?: DbOrTx };
export type PublicFinding = typeof pubFindings.$inferSelect & { outcomeLabel: string };

const labelOf = (o: string) =>
  (FINDING_OUTCOMES as readonly string[]).includes(o) ? FINDING_OUTCOME_LABELS[o as FindingOutcome] : o;

export async function listPublicFindings(opts: Opts = {}): Promise<PublicFinding[]> {
  const db = opts.db ?? (await getDb());
  const rows = await db.select().from(pubFindings).orderBy(desc(pubFindings.closedOn), desc(pubFindings.number));
  return rows.map((r) => ({ ...r, outcomeLabel: labelOf(r.outcome) }));
}

/** The closed findings that cover each of these published rows, by public id. */
export async function findingsForPublicIds(
  publicIds: string[],
  opts: Opts = {},
): Promise<Map<string, { number: number; outcomeLabel: string }[]>> {
  const out = new Map<string, { number: number; outcomeLabel: string }[]>();
  if (publicIds.length === 0) return out;
  const db = opts.db ?? (await getDb());
  const rows = await db
    .select({ publicId: pubFindingRecords.publicId, number: pubFindings.number, outcome: pubFindings.outcome })
    .from(pubFindingRecords)
    .innerJoin(pubFindings, eq(pubFindings.number, pubFindingRecords.number))
    .where(inArray(pubFindingRecords.publicId, publicIds));
  for (const r of rows)
    out.set(r.publicId, [...(out.get(r.publicId) ?? []), { number: r.number, outcomeLabel: labelOf(r.outcome) }]);
  return out;
}

export type FindingsSummary = {
  /** Findings not yet closed, from the published counts (null while suppressed: fewer than 11). */
  open: number | null;
  openSuppressed: boolean;
  /** Closed findings published with an outcome and a summary, each listed on /findings. */
  closed: number;
  /** Always false: the closed findings are listed one by one on /findings, so their count is public. */
  closedSuppressed: false;
  byOutcome: { outcome: string; label: string; n: number }[];
  byProgram: Record<string, number>;
};

/**
 * The findings figures of the home page and the council scorecard: closed findings counted from
 * pub_findings (the list residents can read, so the counts always agree with it), by outcome and
 * program; open findings from pub_finding_counts, which keeps its small-count suppression.
 */
export async function findingsSummary(opts: Opts = {}): Promise<FindingsSummary> {
  const db = opts.db ?? (await getDb());
  const [closedRows, openRows] = await Promise.all([
    db.select({ outcome: pubFindings.outcome, programs: pubFindings.programs }).from(pubFindings),
    db
      .select()
      .from(pubFindingCounts)
      .where(and(eq(pubFindingCounts.findingType, "*"), eq(pubFindingCounts.status, "open"))),
  ]);
  const outcomes = new Map<string, number>();
  const byProgram: Record<string, number> = {};
  for (const r of closedRows) {
    outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    for (const p of r.programs.split(",").filter(Boolean)) byProgram[p] = (byProgram[p] ?? 0) + 1;
  }
  const order = (o: string) => {
    const i = (FINDING_OUTCOMES as readonly string[]).indexOf(o);
    return i < 0 ? FINDING_OUTCOMES.length : i;
  };
  const open = openRows[0];
  return {
    open: open ? open.count : 0,
    openSuppressed: !!open?.suppressed,
    closed: closedRows.length,
    closedSuppressed: false,
    byOutcome: [...outcomes]
      .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))
      .map(([outcome, n]) => ({ outcome, label: labelOf(outcome), n })),
    byProgram,
  };
}
