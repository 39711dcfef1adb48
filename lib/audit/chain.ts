// The audit hash chain as plain functions: each row's hash covers its content and the
// previous row's hash, so changing, removing or reordering any row breaks every hash after it.
// Rows are keyed (HMAC-SHA256 with the audit key, kept outside the database), so someone who
// can write to the database cannot recompute the chain after changing it. Rows written before
// the key existed keep their unkeyed SHA-256: see `keyedFrom` below.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** The fields of an audit row that the hash covers (everything except the hash itself). */
export type ChainRow = {
  id: number;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prevHash: string;
};

/**
 * A stable serialization: object keys sorted at every depth, so a jsonb round trip
 * (which reorders keys) yields the same bytes. Dates are ISO strings in UTC.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) return "null";
  return JSON.stringify(value);
}

/** The unkeyed SHA-256 of a row: what rows written before the audit key existed carry. */
export function rowHash(row: ChainRow): string {
  return createHash("sha256").update(rowBody(row), "utf8").digest("hex");
}

/** The keyed hash of a row: HMAC-SHA256 with the audit key over the same canonical body. */
export function rowHmac(row: ChainRow, key: string): string {
  return createHmac("sha256", key)
    .update(`daylight-audit-row-v2\n${rowBody(row)}`, "utf8")
    .digest("hex");
}

function rowBody(row: ChainRow): string {
  return canonicalJson({
    id: row.id,
    at: row.at,
    actorType: row.actorType,
    actorId: row.actorId ?? null,
    actorLabel: row.actorLabel ?? null,
    action: row.action,
    targetType: row.targetType ?? null,
    targetId: row.targetId ?? null,
    details: row.details ?? {},
    ip: row.ip ?? null,
    prevHash: row.prevHash,
  });
}

/** What a checkpoint vouches for: the chain head (id and hash) and the number of rows up to it, at a time. */
export type CheckpointBody = { at: Date; headId: number; headHash: string; rowCount: number };

/** The checkpoint's signature: HMAC-SHA256 with the audit key. */
export function checkpointMac(cp: CheckpointBody, key: string): string {
  const body = canonicalJson({ at: cp.at, headId: cp.headId, headHash: cp.headHash, rowCount: cp.rowCount });
  return createHmac("sha256", key).update(`daylight-audit-checkpoint-v1\n${body}`, "utf8").digest("hex");
}

/** The signature of the "keyed from row N" marker, so it cannot be moved without the key. */
export function keyMarkerMac(fromId: number, key: string): string {
  return createHmac("sha256", key).update(`daylight-audit-keyed-from\n${fromId}`, "utf8").digest("hex");
}

/** Constant-time comparison of two hex strings. */
export function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * How rows are hashed: rows with id < `keyedFrom` (written before the key existed) by the
 * unkeyed SHA-256, the rest by the HMAC. `keyedFrom: null` means every row is keyed.
 */
export type ChainKey = { key: string; keyedFrom: number | null };

export type ChainBreak = { id: number; reason: string };

/**
 * Checks a run of rows in id order. `prevHash` is the hash of the row before the first one
 * (GENESIS_HASH at the start of the log). Returns the first broken row, or null.
 */
export function verifyRows(
  rows: (ChainRow & { hash: string })[],
  prevHash = GENESIS_HASH,
  chainKey?: ChainKey,
): ChainBreak | null {
  let expectedPrev = prevHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) {
      return {
        id: row.id,
        reason:
          "its prev_hash does not match the previous row's hash (a row before it was changed, removed or inserted)",
      };
    }
    const legacy = !chainKey || (chainKey.keyedFrom !== null && row.id < chainKey.keyedFrom);
    const expected = legacy ? rowHash(row) : rowHmac(row, chainKey.key);
    if (!sameHex(expected, row.hash)) {
      return {
        id: row.id,
        reason: legacy
          ? "its content does not match its hash (the row was changed)"
          : "its content does not match its keyed hash (the row was changed, or re-hashed without the audit key)",
      };
    }
    expectedPrev = row.hash;
  }
  return null;
}
