import "server-only";
// Findings: opened by reviewers on a record, closed by auditors with an outcome.
import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../client";
import { findingRecords, findings, users } from "../../schema";
import type { FindingStatus } from "../../../lib/vocab";
import { offsetOf, type Page } from "./common";

const opener = alias(users, "opener");
const closer = alias(users, "closer");

export type FindingFilters = { status?: FindingStatus; findingType?: string };

export async function listFindings(db: DbOrTx, p: { filters: FindingFilters } & Page) {
  const w: SQL | undefined = and(
    ...[
      p.filters.status ? eq(findings.status, p.filters.status) : undefined,
      p.filters.findingType ? eq(findings.findingType, p.filters.findingType) : undefined,
    ].filter(Boolean),
  );
  const rows = await db
    .select({ f: findings, openedByName: opener.name, closedByName: closer.name })
    .from(findings)
    .innerJoin(opener, eq(opener.id, findings.openedBy))
    .leftJoin(closer, eq(closer.id, findings.closedBy))
    .where(w)
    .orderBy(desc(findings.openedAt), desc(findings.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  const [{ n }] = await db.select({ n: count() }).from(findings).where(w);
  return { rows, total: Number(n) };
}

const assignee = alias(users, "assignee");

/** One finding with its people's names and the records it covers. */
export async function findingDetail(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ f: findings, openedByName: opener.name, closedByName: closer.name, assignedToName: assignee.name })
    .from(findings)
    .innerJoin(opener, eq(opener.id, findings.openedBy))
    .leftJoin(closer, eq(closer.id, findings.closedBy))
    .leftJoin(assignee, eq(assignee.id, findings.assignedTo))
    .where(eq(findings.id, id));
  if (!row) return null;
  const records = await db
    .select({
      recordType: findingRecords.recordType,
      recordId: findingRecords.recordId,
      addedAt: findingRecords.addedAt,
    })
    .from(findingRecords)
    .where(eq(findingRecords.findingId, id))
    .orderBy(asc(findingRecords.addedAt), asc(findingRecords.recordId));
  return { ...row, records };
}

/** People who can be named as a finding's reviewer. */
export async function reviewerChoices(db: DbOrTx) {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(inArray(users.role, ["council", "auditor"]))
    .orderBy(asc(users.name));
}

/** Findings not yet closed, newest first, for "add selected records to a finding". */
export async function unclosedFindings(db: DbOrTx, limit = 50) {
  return db
    .select({ id: findings.id, findingType: findings.findingType, status: findings.status })
    .from(findings)
    .where(inArray(findings.status, ["open", "assigned", "explanation_requested", "explanation_received"]))
    .orderBy(desc(findings.id))
    .limit(limit);
}
