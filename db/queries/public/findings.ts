import "server-only";
// Closed review findings as published: outcome, programs, period, number of records and the
// summary written for residents. Reads only the pub_ tables.
import { desc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubFindingRecords, pubFindings } from "@/db/schema";
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
