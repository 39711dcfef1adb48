import "server-only";
// Shared pieces of the review queries: paging, the review status of a record, flag lists.
import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { anomalyFlags, findingRecords, findings, reviewActions, users } from "../../schema";

export type RecordType = "camera_access" | "alpr_search" | "drone_flight";
export type Page = { page: number; pageSize: number };
export type Sorted<S extends string> = { sort: S; dir: "asc" | "desc" };

export const offsetOf = (p: Page) => (p.page - 1) * p.pageSize;

/** Matches records that have at least one anomaly flag. */
export function flaggedSql(recordType: RecordType, idColumn: unknown): SQL {
  return sql`exists (select 1 from ${anomalyFlags} f where f.record_type = ${recordType} and f.record_id = ${idColumn})`;
}

export type FlagInfo = { recordId: number; rule: string; explanation: string; details: Record<string, unknown> };

/** Flags for a set of records of one type. */
export async function flagsFor(db: DbOrTx, recordType: RecordType, ids: number[]): Promise<Map<number, FlagInfo[]>> {
  const out = new Map<number, FlagInfo[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      recordId: anomalyFlags.recordId,
      rule: anomalyFlags.rule,
      explanation: anomalyFlags.explanation,
      details: anomalyFlags.details,
    })
    .from(anomalyFlags)
    .where(and(eq(anomalyFlags.recordType, recordType), inArray(anomalyFlags.recordId, ids)));
  for (const r of rows) out.set(r.recordId, [...(out.get(r.recordId) ?? []), r]);
  return out;
}

export type HistoryItem = { id: number; action: string; note: string | null; at: Date; userName: string };

/** Everything reviewers have done on one record, newest first. */
export async function recordHistory(db: DbOrTx, recordType: RecordType, recordId: number): Promise<HistoryItem[]> {
  return db
    .select({
      id: reviewActions.id,
      action: reviewActions.action,
      note: reviewActions.note,
      at: reviewActions.at,
      userName: users.name,
    })
    .from(reviewActions)
    .innerJoin(users, eq(users.id, reviewActions.userId))
    .where(and(eq(reviewActions.recordType, recordType), eq(reviewActions.recordId, recordId)))
    .orderBy(desc(reviewActions.at), desc(reviewActions.id));
}

export async function recordFindings(db: DbOrTx, recordType: RecordType, recordId: number) {
  // Every finding that covers the record, not only the one it was opened on.
  const rows = await db
    .select({ f: findings })
    .from(findings)
    .innerJoin(findingRecords, eq(findingRecords.findingId, findings.id))
    .where(and(eq(findingRecords.recordType, recordType), eq(findingRecords.recordId, recordId)))
    .orderBy(desc(findings.openedAt));
  return rows.map((r) => r.f);
}

/** The latest workflow state of a record, as SQL (for lists and the queue filter). */
export function statusSql(recordType: RecordType, idColumn: unknown): SQL<string | null> {
  return sql<
    string | null
  >`(select ra.action::text from ${reviewActions} ra where ra.record_type = ${recordType} and ra.record_id = ${idColumn} and ra.action <> 'note' order by ra.at desc, ra.id desc limit 1)`;
}

export const STATUS_LABELS: Record<string, string> = {
  none: "Not reviewed",
  reviewed: "Reviewed",
  explanation_requested: "Explanation requested",
  finding_opened: "Finding open",
  finding_closed: "Finding closed",
};
