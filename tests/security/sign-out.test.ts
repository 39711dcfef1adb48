// next-auth's own POST /api/auth/signout must end the server-side session, not only clear the
// cookie: afterwards the old cookie must no longer name a live session.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { createUser } from "../../server/auth/users";
import { createSession, loadSession } from "../../server/auth/sessions";
import { resetEnvCache } from "../../lib/env";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const SECRET = "test-auth-secret-0123456789abcdef";
const ORIGIN = "http://127.0.0.1:3999";
const g = globalThis as { __daylightDb?: unknown };
let t: TestDb;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  process.env.DAYLIGHT_PSEUDONYM_KEY = "test-pseudonym-key-0123456789";
  resetEnvCache();
  t = await createTestDb();
  g.__daylightDb = { handle: Promise.resolve(t) };
});
afterAll(async () => {
  g.__daylightDb = {};
  await t?.close();
});

async function sessionCookie(sid: string) {
  const name = "authjs.session-token";
  const jwt = await encode({ token: { sub: "1", sid }, secret: SECRET, salt: name });
  return `${name}=${jwt}`;
}

function cookiesFrom(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]);
}

describe(`sign-out through next-auth's route (${dbMode})`, () => {
  it("revokes the server-side session and records one audit entry", async () => {
    const { handlers } = await import("../../auth");
    const u = await createUser(
      t.db,
      { email: "out@example.org", name: "Sam Pleout", role: "council", password: "correct horse battery" },
      { actorType: "system", actorLabel: "test" },
    );
    const sid = await createSession(t.db, { userId: u.id, mfaVerified: true });
    expect((await loadSession(t.db, sid)).ok).toBe(true);

    const csrfRes = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const cookie = [await sessionCookie(sid), ...cookiesFrom(csrfRes)].join("; ");

    const res = await handlers.POST(
      new NextRequest(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": "198.51.100.7" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }).toString(),
      }),
    );
    expect(res.status).toBeLessThan(400);
    const state = await loadSession(t.db, sid);
    expect(state).toMatchObject({ ok: false, reason: "revoked" });

    const rows = await t.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "auth.signout") });
    expect(rows).toHaveLength(1);
    expect(rows[0].actorId).toBe(String(u.id));
  });
});
