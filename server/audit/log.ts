import "server-only";
// Appending to and verifying the audit log. Writers are serialized with a transaction-scoped
// advisory lock so two concurrent appends can never chain onto the same previous row.
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { auditLog } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { GENESIS_HASH, rowHash, verifyRows, type ChainBreak } from "../../lib/audit/chain";

export type ActorType = "user" | "token" | "cli" | "system";

export type AuditEntry = {
  actorType: ActorType;
  actorId?: string;
  actorLabel?: string;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  ip?: string;
};

/** Arbitrary constant naming the audit-append lock (pg advisory locks are keyed by bigint). */
const AUDIT_LOCK_KEY = 4_711_000_001;

/**
 * Appends one row to the chain inside the caller's transaction (a savepoint when given a
 * transaction, a new transaction when given the database), so the entry commits or rolls
 * back with the change it records.
 */
export async function appendAudit(dbOrTx: DbOrTx, e: AuditEntry): Promise<void> {
  await dbOrTx.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const [{ id: nextId }] = await queryRows<{ id: string | number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint as id`,
    );
    const id = Number(nextId);
    // Millisecond precision: what JavaScript can round-trip exactly through timestamptz.
    const at = new Date();
    const row = {
      id,
      at,
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      actorLabel: e.actorLabel ?? null,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId ?? null,
      details: normalizeDetails(e.details ?? {}),
      ip: e.ip ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.insert(auditLog).values({ ...row, hash: rowHash(row) });
  });
}

/** jsonb keeps only JSON: drop undefined and turn dates into strings before hashing. */
function normalizeDetails(d: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
}

export type VerifyResult = {
  ok: boolean;
  checked: number;
  headId: number | null;
  headHash: string | null;
  firstBroken: ChainBreak | null;
};

/** Recomputes the whole chain in id order, in batches; names the first broken row. */
export async function verifyChain(db: Db | DbOrTx, batchSize = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (rows.length === 0) break;
    const broken = verifyRows(rows, prev);
    if (broken)
      return {
        ok: false,
        checked: checked + rows.findIndex((r) => r.id === broken.id),
        headId: null,
        headHash: null,
        firstBroken: broken,
      };
    checked += rows.length;
    prev = rows[rows.length - 1].hash;
    lastId = rows[rows.length - 1].id;
  }
  return { ok: true, checked, headId: checked ? lastId : null, headHash: checked ? prev : null, firstBroken: null };
}
