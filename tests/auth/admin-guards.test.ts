// Issue 25 items 3 and 4: an admin cannot disable or demote itself, nothing leaves the portal
// without an active admin, destructive changes are confirmed, and a new account gets no second
// factor from the admin (the person enrolls their own at first sign-in).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, recoveryCodes, users } from "../../db/schema";
import { confirmQuestion, needsConfirmation } from "../../lib/auth/admin-ops";
import { verifyCredentials } from "../../server/auth/sign-in";
import { createUser, createUserPendingEnrollment, disableUser, setRole, UserError } from "../../server/auth/users";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { RateLimiterMemory } from "rate-limiter-flexible";

let t: TestDb;
const sys = { actorType: "system" as const, actorLabel: "test" };
const as = (id: number) => ({ actorType: "user" as const, actorId: String(id), actorLabel: "Admin" });
let a1 = 0;

beforeAll(async () => {
  t = await createTestDb();
  const pw = "correct horse battery";
  a1 = (await createUser(t.db, { email: "a1@example.test", name: "Admin One", role: "admin", password: pw }, sys)).id;
  await createUser(t.db, { email: "a2@example.test", name: "Admin Two", role: "admin", password: pw }, sys);
});
afterAll(async () => t?.close());

describe(`admin guards (${dbMode})`, () => {
  it("an admin cannot disable or demote its own account", async () => {
    await expect(disableUser(t.db, "a1@example.test", as(a1))).rejects.toThrow(/cannot disable your own/);
    await expect(setRole(t.db, "a1@example.test", "council", as(a1))).rejects.toThrow(/your own administrator/);
    const [me] = await t.db.select().from(users).where(eq(users.id, a1));
    expect(me.role).toBe("admin");
    expect(me.disabledAt).toBeNull();
  });

  it("the last active admin cannot be disabled or demoted by anyone", async () => {
    await disableUser(t.db, "a2@example.test", as(a1));
    await expect(disableUser(t.db, "a1@example.test", sys)).rejects.toThrow(/last active administrator/);
    await expect(setRole(t.db, "a1@example.test", "staff", sys)).rejects.toBeInstanceOf(UserError);
    // Promoting stays possible, and so does changing a disabled admin.
    await setRole(t.db, "a2@example.test", "auditor", as(a1));
    const actions = (await t.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toContain("user.disable");
    expect(actions).toContain("user.set_role");
  });

  it("every change but enabling is confirmed, in words that say what happens", () => {
    expect(needsConfirmation("enable")).toBe(false);
    for (const op of ["disable", "reset_mfa", "sign_out", "set_role"] as const)
      expect(needsConfirmation(op)).toBe(true);
    expect(confirmQuestion({ op: "set_role", email: "x@example.test", role: "staff", currentRole: "admin" })).toBe(
      "Change the role of x@example.test from admin to staff?",
    );
  });

  it("an account created by an admin has no second factor until its owner enrolls", async () => {
    const created = await createUserPendingEnrollment(
      t.db,
      { email: "new@example.test", name: "New Person", role: "council", password: "temporary password 1" },
      as(a1),
    );
    expect(Object.keys(created).sort()).toEqual(["email", "id"]);
    const [u] = await t.db.select().from(users).where(eq(users.id, created.id));
    expect(u.totpSecret).toBeNull();
    expect(u.totpEnabledAt).toBeNull();
    expect(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, created.id))).toEqual([]);
    const r = await verifyCredentials(
      t.db,
      { email: "new@example.test", password: "temporary password 1", code: "" },
      { ip: "203.0.113.9", now: new Date(), limiter: new RateLimiterMemory({ points: 100, duration: 600 }) },
    );
    expect(r.ok && r.mfaVerified).toBe(false);
    expect(r.ok).toBe(true);
  });
});
