// POST /api/ingest/<dataset>: the real route handler, called with real Requests and a real token.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { anomalyFlags, apiTokens, auditLog, cameraAccessEvents, importRuns, publicationRuns } from "../../db/schema";
import { createToken, listTokens, revokeToken } from "../../server/ingest/tokens";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { fixture, seedReference } from "./setup";

// Secrets from the environment, so publishing after an import never writes to a data directory.
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef";
process.env.DAYLIGHT_PSEUDONYM_KEY ??= "test-pseudonym-key-0123456789abcdef";
process.env.DAYLIGHT_INGEST_HTTP_MAX_BYTES = "20000";

let t: TestDb;
let token: string;
let tokenId: number;
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- the route is imported lazily, after the test database exists
let POST: typeof import("../../app/api/ingest/[dataset]/route").POST;
const actor = { actorType: "cli" as const, actorLabel: "test" };

beforeAll(async () => {
  t = await createTestDb();
  await seedReference(t.db);
  // The route opens the process-wide database: point it at this test's database.
  (globalThis as { __daylightDb?: unknown }).__daylightDb = { handle: Promise.resolve(t) };
  ({ POST } = await import("../../app/api/ingest/[dataset]/route"));
  const created = await createToken(t.db, { name: "VMS uploader", source: "vms-audit" }, actor);
  token = created.token;
  tokenId = created.id;
}, 600_000);
afterAll(async () => {
  (globalThis as { __daylightDb?: unknown }).__daylightDb = {};
  await t?.close();
});

const vms = () => readFileSync(fixture("vms-audit.csv"));
function post(
  dataset: string,
  body: BodyInit | null,
  { query = "", auth = `Bearer ${token}`, type = "text/csv", headers = {} } = {},
) {
  const h: Record<string, string> = { "content-type": type, ...headers };
  if (auth) h.authorization = auth;
  const req = new Request(`http://localhost/api/ingest/${dataset}${query}`, {
    method: "POST",
    body,
    headers: h,
    duplex: "half",
  } as RequestInit);
  return POST(req, { params: Promise.resolve({ dataset }) });
}
const accesses = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(cameraAccessEvents))[0].n);

describe(`POST /api/ingest/<dataset> (${dbMode})`, () => {
  it("stores tokens only as a hash, with a readable prefix", async () => {
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(token.startsWith(row.prefix)).toBe(true);
    expect(JSON.stringify(await listTokens(t.db))).not.toContain(token);
  });

  it("refuses requests without a valid token", async () => {
    for (const auth of ["", "Bearer nonsense", `Bearer dl_${"x".repeat(43)}`, `Basic ${token}`]) {
      const res = await post("camera_access", vms(), { auth });
      expect(res.status).toBe(401);
      expect((await res.json()).code).toBe("unauthorized");
    }
    expect(await accesses()).toBe(0);
  });

  it("imports a CSV body, records the token as the actor, and is idempotent", async () => {
    const res = await post("camera_access", vms(), { headers: { "x-file-name": "vms-audit.csv" } });
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ status: "succeeded", format: "vms-audit", inserted: 4, rejected: 0 });
    // Followed by a flag recompute (an access with no case number is flagged) and a publication.
    // (Whether the publication itself succeeds is the publishers' business: the run must be there.)
    expect(body.published).toBeDefined();
    const pubs = await t.db.select().from(publicationRuns).where(eq(publicationRuns.trigger, "import"));
    expect(pubs).toHaveLength(1);
    const flags = await t.db.select().from(anomalyFlags).where(eq(anomalyFlags.recordType, "camera_access"));
    expect(flags.length).toBeGreaterThan(0);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, body.runId));
    expect(run).toMatchObject({ tokenId, fileName: "vms-audit.csv", status: "succeeded", inserted: 4 });
    expect(run.actor).toContain("VMS uploader");
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "import_run"), eq(auditLog.targetId, String(body.runId))));
    expect(audit).toMatchObject({ actorType: "token", actorId: String(tokenId), action: "import.succeeded" });
    const [tok] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    expect(tok.lastUsedAt).not.toBeNull();
    const again = await (await post("camera_access", vms())).json();
    expect(again).toMatchObject({ status: "succeeded", inserted: 0, unchanged: 4 });
    expect(await accesses()).toBe(4);
  });

  it("answers bad rows with 422 and a JSON list of line, column and reason — and changes nothing", async () => {
    const res = await post("camera_access", readFileSync(fixture("vms-audit-bad.csv")));
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ code: "unprocessable", status: "failed", rejected: 6 });
    expect(body.errors[0]).toMatchObject({
      line: 3,
      column: "timestamp",
      message: expect.stringContaining("line 3, column timestamp"),
    });
    expect(await accesses()).toBe(4);
    const partial = await post("camera_access", readFileSync(fixture("vms-audit-bad.csv")), { query: "?partial=true" });
    expect(partial.status).toBe(200);
    expect((await partial.json()).status).toBe("partial");
  });

  it("takes GeoJSON, honours dryRun, and validates query parameters", async () => {
    const geo = readFileSync(fixture("skydio-flights.geojson"));
    const dry = await post("flights", geo, { type: "application/geo+json", query: "?dryRun=1" });
    expect(await dry.json()).toMatchObject({ status: "dry_run", inserted: 3 });
    const real = await post("flights", geo, { type: "application/geo+json", query: "?format=skydio" });
    expect(await real.json()).toMatchObject({ status: "succeeded", inserted: 3 });
    const bad = await post("flights", geo, { type: "application/geo+json", query: "?dryrun=1" });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "bad_request", parameter: "dryrun" });
    expect((await post("nonsense", geo)).status).toBe(404);
    expect((await post("flights", geo, { type: "multipart/form-data" })).status).toBe(415);
  });

  it("refuses a body over the size limit, declared or streamed", async () => {
    const big = Buffer.concat([vms(), Buffer.alloc(30_000, "\n")]);
    const declared = await post("camera_access", big);
    expect(declared.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(big));
        c.close();
      },
    });
    const res = await post("camera_access", streamed);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toContain("larger than");
  });

  it("refuses a revoked token", async () => {
    expect(await revokeToken(t.db, tokenId, actor)).toBe(true);
    expect((await post("camera_access", vms())).status).toBe(401);
    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["token.create", "token.revoke"]));
  });
});
