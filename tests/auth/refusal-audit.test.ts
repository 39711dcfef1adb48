// Refused requests to signed-in areas are audited (issue 18 point 8): one row per refusal with
// who, what and why, and a flood adds rows at a bounded rate with a count of the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import { verifyChain } from "../../server/audit/log";
import { auditRefusal, REFUSAL_AUDIT_WINDOW_MS, REFUSALS_PER_WINDOW } from "../../server/auth/refusals";
import { createSession, loadSession, revokeUserSessions } from "../../server/auth/sessions";
import { createUser } from "../../server/auth/users";
import { EventWindows } from "../../server/limits/event-windows";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
const sys = { actorType: "system" as const, actorLabel: "test" };
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.close();
});

const rowsOf = (action: string, actorId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.actorId, actorId)))
    .orderBy(auditLog.id);

describe(`refusals are audited (${dbMode})`, () => {
  it("a wrong role writes one row: who, what and why", async () => {
    const windows = new EventWindows(REFUSAL_AUDIT_WINDOW_MS, REFUSALS_PER_WINDOW);
    const staff = { id: 901, name: "Sam Staff" };
    expect(
      await auditRefusal(
        t.db,
        {
          action: "auth.refused",
          user: staff,
          ip: "203.0.113.5",
          reason: "role",
          path: "/review/export",
          details: { role: "staff", allowed: ["council", "auditor"] },
        },
        new Date(),
        windows,
      ),
    ).toBe(true);
    const [row] = await rowsOf("auth.refused", "901");
    expect(row).toMatchObject({
      actorType: "user",
      actorLabel: "Sam Staff",
      targetType: "path",
      targetId: "/review/export",
      ip: "203.0.113.5",
      details: { reason: "role", role: "staff", allowed: ["council", "auditor"] },
    });
    expect((await verifyChain(t.db)).ok).toBe(true);
  });

  it("a revoked session's refusal names the person whose session it was", async () => {
    const u = await createUser(
      t.db,
      { email: "rev@example.org", name: "Rev Iewer", role: "council", password: "correct horse battery" },
      sys,
    );
    const sid = await createSession(t.db, { userId: u.id, mfaVerified: true });
    await revokeUserSessions(t.db, u.id);
    const s = await loadSession(t.db, sid);
    expect(s).toMatchObject({ ok: false, reason: "revoked", user: { id: u.id, name: "Rev Iewer" } });
    if (s.ok || s.reason === "missing") throw new Error("expected an ended session");
    await auditRefusal(t.db, { action: "auth.refused", user: s.user, reason: s.reason, path: "/review" });
    const rows = await rowsOf("auth.refused", String(u.id));
    expect(rows.map((r) => [r.targetId, r.details.reason])).toEqual([["/review", "revoked"]]);
  });

  it("a flood writes at most the window's rows per person; the next window's first row counts the rest", async () => {
    const windows = new EventWindows(REFUSAL_AUDIT_WINDOW_MS, 3);
    const t0 = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
    const bad = (id: number, at: Date) =>
      auditRefusal(
        t.db,
        { action: "export.denied", user: { id, name: `User ${id}` }, reason: "bad_code", targetType: "alpr_search" },
        at,
        windows,
      );
    for (let i = 0; i < 25; i++) await bad(902, new Date(t0.getTime() + i * 1000));
    expect(await rowsOf("export.denied", "902")).toHaveLength(3);
    // Another person is counted apart.
    expect(await bad(903, t0)).toBe(true);
    await bad(902, new Date(t0.getTime() + REFUSAL_AUDIT_WINDOW_MS));
    const rows = await rowsOf("export.denied", "902");
    expect(rows).toHaveLength(4);
    expect(rows[3].details).toMatchObject({
      reason: "bad_code",
      previousWindow: { refusals: 25, notWrittenOneByOne: 22 },
    });
    expect(rows[0].details.previousWindow).toBeUndefined();
  });
});
