import "server-only";
// The audit log as auditors read it in the review area.
import { and, count, desc, eq, gte, ilike, like, lt, or, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { auditCheckpoints, auditLog } from "../../schema";
import { offsetOf, type Page } from "./common";

export type AuditFilters = {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
};

export async function listAudit(db: DbOrTx, p: { filters: AuditFilters } & Page) {
  const f = p.filters;
  const w: SQL | undefined = and(
    ...[
      f.action ? like(auditLog.action, `${f.action}%`) : undefined,
      f.actor ? or(ilike(auditLog.actorLabel, `%${f.actor}%`), eq(auditLog.actorId, f.actor)) : undefined,
      f.targetType ? eq(auditLog.targetType, f.targetType) : undefined,
      f.targetId ? eq(auditLog.targetId, f.targetId) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lt(auditLog.at, f.to) : undefined,
    ].filter(Boolean),
  );
  const rows = await db
    .select()
    .from(auditLog)
    .where(w)
    .orderBy(desc(auditLog.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  const [{ n }] = await db.select({ n: count() }).from(auditLog).where(w);
  return { rows, total: Number(n) };
}

export async function latestCheckpoints(db: DbOrTx, limit = 14) {
  return db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit);
}
