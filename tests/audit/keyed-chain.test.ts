// Attacks on the keyed audit chain and its signed checkpoints: each must be named by verifyAudit
// (what `daylight audit verify` prints), and a clean log must verify.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { asc, sql } from "drizzle-orm";
import { auditCheckpoints, auditKeyMarker, auditLog } from "../../db/schema";
import { appendAudit, verifyChain } from "../../server/audit/log";
import { takeCheckpoint, toPublished, verifyAudit } from "../../server/audit/checkpoint";
import { GENESIS_HASH, keyMarkerMac, rowHash } from "../../lib/audit/chain";
import { parseSavedCheckpoints } from "../../lib/audit/saved-checkpoints";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const KEY = "test-audit-key-0123456789abcdef";
const TZ = "America/Los_Angeles";
let t: TestDb;

async function append(n: number, prefix: string) {
  for (let i = 0; i < n; i++) await appendAudit(t.db, { actorType: "system", action: `${prefix}.${i}` }, KEY);
}
async function rows() {
  return t.db.select().from(auditLog).orderBy(asc(auditLog.id));
}
/** What an attacker with database rights (but not the key) does: writes around the triggers. */
async function asOwner(fn: () => Promise<unknown>) {
  await t.db.execute(sql`alter table audit_log disable trigger user`);
  await t.db.execute(sql`alter table audit_checkpoints disable trigger user`);
  await t.db.execute(sql`alter table audit_key_marker disable trigger user`);
  try {
    await fn();
  } finally {
    await t.db.execute(sql`alter table audit_log enable trigger user`);
    await t.db.execute(sql`alter table audit_checkpoints enable trigger user`);
    await t.db.execute(sql`alter table audit_key_marker enable trigger user`);
  }
}
/** Rewrites rows from `fromId` on with the old unkeyed SHA-256, relinking the chain. */
async function rehashUnkeyed(fromId: number) {
  const all = await rows();
  let prev = all.find((r, i) => all[i + 1]?.id === fromId)?.hash ?? GENESIS_HASH;
  for (const r of all.filter((x) => x.id >= fromId)) {
    const forged = { ...r, action: r.id === fromId ? "forged" : r.action, prevHash: prev };
    const hash = rowHash(forged);
    await t.db.execute(
      sql`update audit_log set action = ${forged.action}, prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`,
    );
    prev = hash;
  }
}

// A fresh, empty log for each test (a new database per test would cost a migration each).
beforeEach(async () => {
  await asOwner(() => t.db.execute(sql`truncate audit_log, audit_checkpoints, audit_key_marker restart identity`));
});
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe(`keyed audit chain and signed checkpoints (${dbMode})`, () => {
  it("a clean log with checkpoints verifies, also against its own published JSON", async () => {
    await append(5, "a");
    const cp = await takeCheckpoint(t.db, { timeZone: TZ, key: KEY, reason: "publish" });
    await append(3, "b");
    expect(cp?.mac).toMatch(/^[0-9a-f]{64}$/);
    const saved = parseSavedCheckpoints(JSON.stringify({ checkpoints: [toPublished(cp!)] }));
    const r = await verifyAudit(t.db, { key: KEY, against: saved });
    expect(r).toMatchObject({ ok: true, rows: 8, checkpoints: 1, against: 1, problems: [] });
  });

  it("rows re-hashed with the old unkeyed function are caught (the attack that used to pass)", async () => {
    await append(10, "a");
    const all = await rows();
    await asOwner(() => rehashUnkeyed(all[4].id));
    const r = await verifyAudit(t.db, { key: KEY });
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ kind: "changed-row" });
    expect(r.problems[0].message).toContain(`row #${all[4].id}`);
  });

  it("a wrong key fails every keyed row", async () => {
    await append(2, "a");
    expect((await verifyChain(t.db, 2000, "another-key-0123456789abcdef")).ok).toBe(false);
  });

  it("rows before the signed 'keyed from' marker verify with the old function; moving the marker is caught", async () => {
    // A log written before the key: unkeyed rows, no marker.
    let prev = GENESIS_HASH;
    for (let i = 1; i <= 3; i++) {
      const row = {
        id: i,
        at: new Date(Date.UTC(2026, 0, i)),
        actorType: "system",
        actorId: null,
        actorLabel: null,
        action: `legacy.${i}`,
        targetType: null,
        targetId: null,
        details: {},
        ip: null,
        prevHash: prev,
      };
      prev = rowHash(row);
      await t.db.insert(auditLog).values({ ...row, hash: prev });
    }
    await t.db.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), 3)`);
    await append(3, "keyed");
    const [m] = await t.db.select().from(auditKeyMarker);
    expect(m.keyedFrom).toBe(4);
    expect((await verifyAudit(t.db, { key: KEY })).ok).toBe(true);

    // Moving the marker forward (to re-hash newer rows the old way) without the key:
    await asOwner(async () => {
      await t.db.execute(sql`update audit_key_marker set keyed_from = 6`);
      await rehashUnkeyed(5);
    });
    const r = await verifyAudit(t.db, { key: KEY });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toContain("marker");

    // ... even with a marker signature copied from elsewhere, it must be this key's:
    await asOwner(() =>
      t.db.execute(sql`update audit_key_marker set mac = ${keyMarkerMac(6, "guess-0123456789abcdef")}`),
    );
    expect((await verifyAudit(t.db, { key: KEY })).ok).toBe(false);
  });

  it("deleting the newest rows is caught by the checkpoint that covered them", async () => {
    await append(6, "a");
    await takeCheckpoint(t.db, { timeZone: TZ, key: KEY });
    const all = await rows();
    await asOwner(() => t.db.execute(sql`delete from audit_log where id >= ${all[3].id}`));
    expect((await verifyChain(t.db, 2000, KEY)).ok).toBe(true); // the chain alone cannot tell
    const r = await verifyAudit(t.db, { key: KEY });
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({ kind: "removed-newest-rows", message: expect.stringMatching(/covers 6 rows/) }),
    ]);
  });

  it("an edited checkpoint is caught", async () => {
    await append(6, "a");
    await takeCheckpoint(t.db, { timeZone: TZ, key: KEY });
    const all = await rows();
    // Delete the newest rows and "fix" the checkpoint to match.
    await asOwner(async () => {
      await t.db.execute(sql`delete from audit_log where id >= ${all[3].id}`);
      await t.db.execute(
        sql`update audit_checkpoints set row_count = 3, head_id = ${all[2].id}, head_hash = ${all[2].hash}`,
      );
    });
    const r = await verifyAudit(t.db, { key: KEY });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind)).toEqual(["edited-checkpoint"]);
  });

  it("deleting rows and checkpoints together is caught with --against a saved copy", async () => {
    await append(6, "a");
    const cp = await takeCheckpoint(t.db, { timeZone: TZ, key: KEY });
    const saved = JSON.stringify({ checkpoints: (await t.db.select().from(auditCheckpoints)).map(toPublished) });
    const all = await rows();
    await asOwner(async () => {
      await t.db.execute(sql`delete from audit_log where id >= ${all[3].id}`);
      await t.db.execute(sql`delete from audit_checkpoints where id = ${cp!.id}`);
    });
    expect((await verifyAudit(t.db, { key: KEY })).ok).toBe(true); // nothing left to compare with
    const r = await verifyAudit(t.db, { key: KEY, against: parseSavedCheckpoints(saved) });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.kind).sort()).toEqual(["removed-checkpoint", "removed-newest-rows"]);
  });

  it("a removed middle row is named", async () => {
    await append(5, "a");
    const all = await rows();
    await asOwner(() => t.db.execute(sql`delete from audit_log where id = ${all[2].id}`));
    const r = await verifyAudit(t.db, { key: KEY });
    expect(r.problems[0]).toMatchObject({ kind: "removed-row" });
    expect(r.problems[0].message).toContain(`row #${all[3].id}`);
  });

  it("the checkpoint and marker tables refuse UPDATE and DELETE", async () => {
    await append(1, "a");
    await takeCheckpoint(t.db, { timeZone: TZ, key: KEY });
    await expect(t.db.execute(sql`update audit_checkpoints set row_count = 0`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_key_marker`)).rejects.toThrow();
  });

  it("a saved file that is not a checkpoint list is refused in words", () => {
    expect(() => parseSavedCheckpoints("<html>")).toThrow(/not JSON/);
    expect(() => parseSavedCheckpoints('{"checkpoints":[{"at":"x"}]}')).toThrow(/not a checkpoint list/);
  });
});
