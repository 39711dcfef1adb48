import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { auditCheckpoints, auditLog } from "../../db/schema";
import { appendAudit, verifyChain } from "../../server/audit/log";
import { canonicalJson, GENESIS_HASH, rowHmac } from "../../lib/audit/chain";
import { auditKey } from "../../server/audit/log";
import { takeCheckpoint } from "../../server/audit/checkpoint";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

describe(`audit chain (${dbMode})`, () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, "x"], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, "x"] }, b: 1 }),
    );
  });

  it("appends linked rows and verifies them", async () => {
    await appendAudit(t.db, {
      actorType: "system",
      action: "test.first",
      details: { z: 1, a: "two", nested: { y: true, b: [1, 2] } },
    });
    await appendAudit(t.db, {
      actorType: "user",
      actorId: "7",
      actorLabel: "A. Reviewer",
      action: "test.second",
      targetType: "user",
      targetId: "7",
      ip: "10.0.0.1",
    });
    // Concurrent appends must still form one chain.
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => appendAudit(t.db, { actorType: "cli", action: `test.parallel.${i}` })),
    );
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(rows).toHaveLength(10);
    expect(rows[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    expect(rowHmac(rows[0], auditKey())).toBe(rows[0].hash);
    const v = await verifyChain(t.db);
    expect(v).toMatchObject({ ok: true, checked: 10, firstBroken: null, headHash: rows[9].hash });
  });

  it("a rolled-back transaction leaves no audit row", async () => {
    const before = (await t.db.select().from(auditLog)).length;
    await expect(
      t.db.transaction(async (tx) => {
        await appendAudit(tx, { actorType: "system", action: "test.rolledback" });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect((await t.db.select().from(auditLog)).length).toBe(before);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("takes a checkpoint of the head", async () => {
    const cp = await takeCheckpoint(t.db, { timeZone: "America/Los_Angeles", at: new Date("2026-03-01T12:00:00Z") });
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(cp).toMatchObject({ day: "2026-03-01", rowCount: rows.length, headHash: rows[rows.length - 1].hash });
    expect(await t.db.select().from(auditCheckpoints)).toHaveLength(1);
  });

  it("the database rejects UPDATE, DELETE and TRUNCATE on audit rows", async () => {
    const before = await t.db.select().from(auditLog).orderBy(auditLog.id);
    expect(await failure(t.db.execute(sql`update audit_log set action = 'x' where id = 2`))).toMatch(
      /append-only: UPDATE/,
    );
    expect(await failure(t.db.execute(sql`delete from audit_log where id = 2`))).toMatch(/append-only: DELETE/);
    expect(await failure(t.db.execute(sql`truncate audit_log`))).toMatch(/append-only: TRUNCATE/);
    expect(await failure(t.db.execute(sql`truncate audit_log restart identity cascade`))).toMatch(
      /append-only: TRUNCATE/,
    );
    expect(await t.db.select().from(auditLog).orderBy(auditLog.id)).toEqual(before);
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("names the first tampered row (content change)", async () => {
    // An attacker with owner rights could disable the trigger; the chain still shows it.
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    const victim = rows[3];
    await t.db.execute(sql`update audit_log set details = '{"changed": true}'::jsonb where id = ${victim.id}`);
    const v = await verifyChain(t.db, 4);
    expect(v.ok).toBe(false);
    expect(v.firstBroken?.id).toBe(victim.id);
    expect(v.firstBroken?.reason).toMatch(/content/);
  });

  it("names the row after a deleted one", async () => {
    const rows = await t.db.select().from(auditLog).orderBy(auditLog.id);
    // Restore the tampered row by recomputing (a forger) ... then delete a different row.
    await t.db.execute(sql`delete from audit_log where id >= ${rows[3].id}`);
    await appendAudit(t.db, { actorType: "system", action: "test.a" });
    await appendAudit(t.db, { actorType: "system", action: "test.b" });
    expect((await verifyChain(t.db)).ok).toBe(true);
    const all = await t.db.select().from(auditLog).orderBy(auditLog.id);
    await t.db.execute(sql`delete from audit_log where id = ${all[1].id}`);
    const v = await verifyChain(t.db);
    expect(v.firstBroken?.id).toBe(all[2].id);
    expect(v.firstBroken?.reason).toMatch(/prev_hash/);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
});

/** The database's own message (drizzle wraps it as the cause). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { cause?: Error };
    return `${err.message} ${err.cause?.message ?? ""}`;
  }
  return "no error";
}
