import "server-only";
// Appending to and verifying the audit log. Writers are serialized with a transaction-scoped
// advisory lock so two concurrent appends can never chain onto the same previous row.
// Hashes are HMACs with the audit key (lib/secrets.ts: DAYLIGHT_AUDIT_KEY or the data directory's
// secrets file). Rows written before the key existed stay as they were: the first keyed append
// records a signed "keyed from row N" marker and verification uses the old unkeyed SHA-256 only
// below N (see docs in README, "Audit log").
import { asc, desc, gt, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { auditKeyMarker, auditLog } from "../../db/schema";
import { queryRows } from "../../db/sql";
import {
  GENESIS_HASH,
  keyMarkerMac,
  rowHmac,
  sameHex,
  verifyRows,
  type ChainBreak,
  type ChainKey,
} from "../../lib/audit/chain";
import { appSecrets } from "../../lib/secrets";

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
export async function appendAudit(dbOrTx: DbOrTx, e: AuditEntry, key = auditKey()): Promise<void> {
  await dbOrTx.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
    const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    const [{ id: nextId }] = await queryRows<{ id: string | number }>(
      tx,
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id'))::bigint as id`,
    );
    const id = Number(nextId);
    const [marker] = await tx.select({ keyedFrom: auditKeyMarker.keyedFrom }).from(auditKeyMarker).limit(1);
    if (!marker) await tx.insert(auditKeyMarker).values({ keyedFrom: id, mac: keyMarkerMac(id, key) });
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
    await tx.insert(auditLog).values({ ...row, hash: rowHmac(row, key) });
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

/** This deployment's audit key. */
export function auditKey(): string {
  return appSecrets().auditKey;
}

/**
 * The "keyed from" marker, checked against its signature. No marker: every row must be keyed.
 * A marker whose signature fails is reported, and then every row must be keyed too.
 */
export async function loadChainKey(
  db: Db | DbOrTx,
  key = auditKey(),
): Promise<{ chainKey: ChainKey; markerProblem: string | null }> {
  const [m] = await db.select().from(auditKeyMarker).limit(1);
  if (!m) return { chainKey: { key, keyedFrom: null }, markerProblem: null };
  if (!sameHex(keyMarkerMac(m.keyedFrom, key), m.mac))
    return {
      chainKey: { key, keyedFrom: null },
      markerProblem: `the "keyed from row ${m.keyedFrom}" marker does not match its signature (it was edited, or the audit key is not this deployment's)`,
    };
  return { chainKey: { key, keyedFrom: m.keyedFrom }, markerProblem: null };
}

/** Recomputes the whole chain in id order, in batches; names the first broken row. */
export async function verifyChain(
  db: Db | DbOrTx,
  batchSize = 2000,
  key = auditKey(),
  /** Called for every verified row with the number of rows up to and including it. */
  visit?: (row: { id: number; hash: string }, rowsSoFar: number) => void,
): Promise<VerifyResult> {
  const { chainKey } = await loadChainKey(db, key);
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
    const broken = verifyRows(rows, prev, chainKey);
    if (broken)
      return {
        ok: false,
        checked: checked + rows.findIndex((r) => r.id === broken.id),
        headId: null,
        headHash: null,
        firstBroken: broken,
      };
    if (visit) rows.forEach((r, i) => visit(r, checked + i + 1));
    checked += rows.length;
    prev = rows[rows.length - 1].hash;
    lastId = rows[rows.length - 1].id;
  }
  return { ok: true, checked, headId: checked ? lastId : null, headHash: checked ? prev : null, firstBroken: null };
}
