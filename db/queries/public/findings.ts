import "server-only";
// Closed review findings as published: outcome, programs, period, number of records and the
// summary written for residents; which published records each covers; and the findings figures
// of the home page and the scorecard. Reads only the pub_ tables.
import { and, asc, desc, eq, exists, inArray, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  pubAlprSearches,
  pubCameraAccesses,
  pubFindingCounts,
  pubFindingRecords,
  pubFindings,
  pubFlights,
} from "@/db/schema";
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
): Promise<Map<string, { number: number; outcome: string; outcomeLabel: string }[]>> {
  const out = new Map<string, { number: number; outcome: string; outcomeLabel: string }[]>();
  if (publicIds.length === 0) return out;
  const db = opts.db ?? (await getDb());
  const rows = await db
    .select({ publicId: pubFindingRecords.publicId, number: pubFindings.number, outcome: pubFindings.outcome })
    .from(pubFindingRecords)
    .innerJoin(pubFindings, eq(pubFindings.number, pubFindingRecords.number))
    .where(inArray(pubFindingRecords.publicId, publicIds));
  for (const r of rows)
    out.set(r.publicId, [
      ...(out.get(r.publicId) ?? []),
      { number: r.number, outcome: r.outcome, outcomeLabel: labelOf(r.outcome) },
    ]);
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
  /** Each closed finding's outcome and the programs of the records it covers (the scorecard's per-program tables). */
  closedFindings: { outcome: string; label: string; programs: string[] }[];
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
  const closedFindings: FindingsSummary["closedFindings"] = [];
  for (const r of closedRows) {
    closedFindings.push({
      outcome: r.outcome,
      label: labelOf(r.outcome),
      programs: r.programs.split(",").filter(Boolean),
    });
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
    closedFindings,
  };
}

export type CoveredRecord = { recordType: string; publicId: string; href: string };
const RECORD_HREF: Record<string, (id: string) => string> = {
  drone_flight: (id) => `/drones/flights/${id}`,
  camera_access: (id) => `/cameras/access-log/${id}`,
  alpr_search: (id) => `/plate-readers/searches/${id}`,
};

/**
 * The published records each closed finding covers, with the address of their record pages; a
 * record not published yet (still inside its publication delay) is left out until it is.
 */
export async function recordsOfFindings(opts: Opts & { limit?: number } = {}): Promise<Map<number, CoveredRecord[]>> {
  const db = opts.db ?? (await getDb());
  const rows = await db
    .select({
      number: pubFindingRecords.number,
      recordType: pubFindingRecords.recordType,
      publicId: pubFindingRecords.publicId,
    })
    .from(pubFindingRecords)
    .where(
      or(
        and(
          eq(pubFindingRecords.recordType, "camera_access"),
          exists(
            db
              .select({ x: sql`1` })
              .from(pubCameraAccesses)
              .where(eq(pubCameraAccesses.publicId, pubFindingRecords.publicId)),
          ),
        ),
        and(
          eq(pubFindingRecords.recordType, "alpr_search"),
          exists(
            db
              .select({ x: sql`1` })
              .from(pubAlprSearches)
              .where(eq(pubAlprSearches.publicId, pubFindingRecords.publicId)),
          ),
        ),
        and(
          eq(pubFindingRecords.recordType, "drone_flight"),
          exists(
            db
              .select({ x: sql`1` })
              .from(pubFlights)
              .where(eq(pubFlights.publicId, pubFindingRecords.publicId)),
          ),
        ),
      ),
    )
    .orderBy(asc(pubFindingRecords.number), asc(pubFindingRecords.recordType), asc(pubFindingRecords.publicId));
  const out = new Map<number, CoveredRecord[]>();
  const limit = opts.limit ?? 50;
  for (const r of rows) {
    const list = out.get(r.number) ?? [];
    if (list.length < limit) list.push({ ...r, href: RECORD_HREF[r.recordType]?.(r.publicId) ?? "/findings" });
    out.set(r.number, list);
  }
  return out;
}
