// The audit hash chain as plain functions: each row's hash covers its content and the
// previous row's hash, so changing, removing or reordering any row breaks every hash after it.
import { createHash } from "node:crypto";

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

export function rowHash(row: ChainRow): string {
  const body = canonicalJson({
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
  return createHash("sha256").update(body, "utf8").digest("hex");
}

export type ChainBreak = { id: number; reason: string };

/**
 * Checks a run of rows in id order. `prevHash` is the hash of the row before the first one
 * (GENESIS_HASH at the start of the log). Returns the first broken row, or null.
 */
export function verifyRows(rows: (ChainRow & { hash: string })[], prevHash = GENESIS_HASH): ChainBreak | null {
  let expectedPrev = prevHash;
  for (const row of rows) {
    if (row.prevHash !== expectedPrev) {
      return {
        id: row.id,
        reason:
          "its prev_hash does not match the previous row's hash (a row before it was changed, removed or inserted)",
      };
    }
    if (rowHash(row) !== row.hash) {
      return { id: row.id, reason: "its content does not match its hash (the row was changed)" };
    }
    expectedPrev = row.hash;
  }
  return null;
}
