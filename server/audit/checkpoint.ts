import "server-only";
// Checkpoints of the audit chain: the head's id and hash and the number of rows up to it,
// signed with the audit key, taken by every publication, hourly by the scheduled jobs and by
// `daylight audit checkpoint`, and published on /audit (page and JSON). `verifyAudit` checks
// every row and every checkpoint, and optionally checkpoints saved elsewhere (`--against`), and
// names what broke.
import { asc, count, desc, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { auditCheckpoints, auditLog } from "../../db/schema";
import { checkpointMac, sameHex } from "../../lib/audit/chain";
import { isoDateIn } from "../../lib/format/intl";
import { auditKey, loadChainKey, verifyChain } from "./log";

export type Checkpoint = typeof auditCheckpoints.$inferSelect;

/** The calendar day (YYYY-MM-DD) of `at` in the city's time zone. */
export function localDay(at: Date, timeZone: string): string {
  return isoDateIn(at, timeZone);
}

/** Records a signed checkpoint of the chain head. Returns null when the log is empty. */
export async function takeCheckpoint(
  db: DbOrTx,
  opts: { timeZone: string; at?: Date; reason?: string; key?: string },
): Promise<Checkpoint | null> {
  const key = opts.key ?? auditKey();
  return db.transaction(async (tx) => {
    // Same lock as appends: the head and the count must describe one moment of the chain.
    await tx.execute(sql`select pg_advisory_xact_lock(4711000001)`);
    const [head] = await tx
      .select({ id: auditLog.id, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.id))
      .limit(1);
    if (!head) return null;
    const [{ n }] = await tx.select({ n: count() }).from(auditLog);
    // Millisecond precision, so the signed time round-trips through timestamptz.
    const at = new Date((opts.at ?? new Date()).getTime());
    const body = { at, headId: head.id, headHash: head.hash, rowCount: Number(n) };
    const [row] = await tx
      .insert(auditCheckpoints)
      .values({
        ...body,
        day: localDay(at, opts.timeZone),
        reason: opts.reason ?? "cli",
        mac: checkpointMac(body, key),
      })
      .returning();
    return row;
  });
}

/** A checkpoint as published (and as saved by anyone from /audit's JSON). */
export type PublishedCheckpoint = {
  at: string;
  headId: number;
  headHash: string;
  rowCount: number;
  signature: string | null;
};

export function toPublished(c: Checkpoint): PublishedCheckpoint {
  return { at: c.at.toISOString(), headId: c.headId, headHash: c.headHash, rowCount: c.rowCount, signature: c.mac };
}

export type AuditProblem = { kind: AuditProblemKind; message: string };
export type AuditProblemKind =
  | "changed-row"
  | "removed-row"
  | "removed-newest-rows"
  | "edited-checkpoint"
  | "removed-checkpoint"
  | "unsigned-checkpoint"
  | "marker";

export type AuditReport = {
  ok: boolean;
  rows: number;
  headId: number | null;
  headHash: string | null;
  checkpoints: number;
  against: number;
  problems: AuditProblem[];
};

/**
 * Checks every row (keyed hashes, links), every stored checkpoint (signature, and that the chain
 * still holds its head with as many rows), and each checkpoint in `against` (saved elsewhere),
 * which must also still be stored.
 */
export async function verifyAudit(
  db: Db | DbOrTx,
  opts: { against?: PublishedCheckpoint[]; key?: string } = {},
): Promise<AuditReport> {
  const key = opts.key ?? auditKey();
  const problems: AuditProblem[] = [];
  const { markerProblem } = await loadChainKey(db, key);
  if (markerProblem) problems.push({ kind: "marker", message: markerProblem });

  const stored = await db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.id));
  const against = opts.against ?? [];
  const wanted = new Map<number, { hash: string; rowsSoFar: number } | null>();
  for (const c of [...stored, ...against]) wanted.set(c.headId, null);

  const chain = await verifyChain(db, 2000, key, (row, rowsSoFar) => {
    if (wanted.has(row.id)) wanted.set(row.id, { hash: row.hash, rowsSoFar });
  });
  if (!chain.ok && chain.firstBroken) {
    const b = chain.firstBroken;
    problems.push({
      kind: /prev_hash/.test(b.reason) ? "removed-row" : "changed-row",
      message: `row #${b.id}: ${b.reason}`,
    });
  }
  const lastRows = chain.ok ? chain.checked : null;

  const checkHead = (label: string, c: { headId: number; headHash: string; rowCount: number }) => {
    const seen = wanted.get(c.headId);
    if (!chain.ok && !seen) return; // rows after the break were not read; the break is reported
    if (!seen) {
      if (chain.headId === null || c.headId > chain.headId)
        problems.push({
          kind: "removed-newest-rows",
          message: `${label} covers ${c.rowCount} rows up to #${c.headId}, but the log ends at ${chain.headId === null ? "nothing" : `#${chain.headId}`} with ${lastRows ?? 0} rows: the newest rows were removed`,
        });
      else
        problems.push({
          kind: "removed-row",
          message: `${label}: its head row #${c.headId} is missing from the log`,
        });
      return;
    }
    if (!sameHex(seen.hash, c.headHash))
      problems.push({
        kind: "changed-row",
        message: `${label}: row #${c.headId} no longer has the hash it had (${c.headHash.slice(0, 12)}…)`,
      });
    else if (seen.rowsSoFar !== c.rowCount)
      problems.push({
        kind: "removed-row",
        message: `${label}: ${c.rowCount} rows up to #${c.headId} then, ${seen.rowsSoFar} now`,
      });
  };

  for (const c of stored) {
    const label = `checkpoint ${c.id} (${c.at.toISOString()})`;
    if (!c.mac)
      problems.push({ kind: "unsigned-checkpoint", message: `${label} is unsigned (taken before the audit key)` });
    else if (!sameHex(checkpointMac(c, key), c.mac)) {
      problems.push({
        kind: "edited-checkpoint",
        message: `${label} was edited: its signature does not match its time, head or row count`,
      });
      continue;
    }
    checkHead(label, c);
  }

  const storedMacs = new Set(stored.map((c) => c.mac).filter((m): m is string => !!m));
  for (const c of against) {
    const label = `saved checkpoint of ${c.at} (#${c.headId}, ${c.rowCount} rows)`;
    const at = new Date(c.at);
    if (c.signature && !sameHex(checkpointMac({ ...c, at }, key), c.signature)) {
      problems.push({
        kind: "edited-checkpoint",
        message: `${label}: its signature does not match (edited, or from another deployment)`,
      });
      continue;
    }
    if (c.signature && !storedMacs.has(c.signature))
      problems.push({ kind: "removed-checkpoint", message: `${label} is no longer in audit_checkpoints` });
    checkHead(label, c);
  }

  const serious = problems.filter((p) => p.kind !== "unsigned-checkpoint");
  return {
    ok: serious.length === 0,
    rows: chain.checked,
    headId: chain.headId,
    headHash: chain.headHash,
    checkpoints: stored.length,
    against: against.length,
    problems,
  };
}
