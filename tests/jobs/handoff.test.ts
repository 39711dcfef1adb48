// The CLI's hand-off endpoint (server/handoff): loopback only, token only, and a handed-off job runs
// in the portal's queue with its events streamed back.
import { once } from "node:events";
import { request, type IncomingMessage } from "node:http";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobQueue, type JobQueue } from "../../server/jobs";
import { isLoopback } from "../../server/handoff/auth";
import { readHandoff } from "../../server/handoff/file";
import { startHandoffServer } from "../../server/handoff/server";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
let queue: JobQueue;
let dataDir: string;
let handoff: Awaited<ReturnType<typeof startHandoffServer>>;
beforeAll(async () => {
  t = await createTestDb();
  // The hand-off serves the embedded database's in-process queue, whatever the test database is.
  queue = await createJobQueue({
    db: t.db,
    specs: {
      flags: { retryLimit: 0, retryDelaySeconds: 1, expireInSeconds: 60, run: () => Promise.resolve("42 flags") },
    },
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "daylight-handoff-"));
  // Bound to every interface here only so that a non-loopback caller can reach it in the test.
  handoff = await startHandoffServer({ db: t.db, queue, dataDir, host: "0.0.0.0" });
}, 600_000);
afterAll(async () => {
  await handoff?.stop();
  await queue?.stop();
  await t?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(
  host: string,
  pathname: string,
  token?: string,
): Promise<{ status: number; lines: { type: string }[] }> {
  const req = request({
    host,
    port: handoff.info.port,
    path: pathname,
    method: "POST",
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  req.end();
  const [res] = (await once(req, "response")) as [IncomingMessage];
  let body = "";
  res.setEncoding("utf8");
  for await (const chunk of res) body += chunk as string;
  return {
    status: res.statusCode ?? 0,
    lines: body
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { type: string }),
  };
}

describe(`CLI hand-off endpoint (${dbMode})`, () => {
  it("writes its port and token to a file only its owner can read", () => {
    const file = path.join(dataDir, "portal-handoff.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readHandoff(dataDir)).toEqual(handoff.info);
    expect(handoff.info.token.length).toBeGreaterThanOrEqual(40);
  });

  it("refuses a wrong or missing token", async () => {
    expect((await post("127.0.0.1", "/jobs/flags", "not-the-token")).status).toBe(401);
    expect((await post("127.0.0.1", "/jobs/flags")).status).toBe(401);
  });

  it("refuses callers that are not on this machine", async () => {
    expect(isLoopback("127.0.0.1")).toBe(true);
    expect(isLoopback("::ffff:127.0.0.1")).toBe(true);
    expect(isLoopback("::1")).toBe(true);
    expect(isLoopback("10.0.0.5")).toBe(false);
    expect(isLoopback("::ffff:192.168.1.4")).toBe(false);
    expect(isLoopback(undefined)).toBe(false);
    // A real call over a non-loopback address of this machine, when it has one.
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
    if (external) {
      const r = await post(external, "/jobs/flags", handoff.info.token);
      expect(r.status).toBe(403);
    }
  });

  it("runs a handed-off job in the portal's queue and streams its outcome", async () => {
    const r = await post("127.0.0.1", "/jobs/flags", handoff.info.token);
    expect(r.status).toBe(200);
    expect(r.lines.map((l) => l.type)).toEqual(["queued", "started", "succeeded"]);
    expect(r.lines.at(-1)).toMatchObject({ type: "succeeded", result: "42 flags" });
  });

  it("answers an unknown hand-off with 404 and a bad trigger with 400", async () => {
    expect((await post("127.0.0.1", "/jobs/drop-tables", handoff.info.token)).status).toBe(404);
    expect((await post("127.0.0.1", "/jobs/publish?trigger=%00bad", handoff.info.token)).status).toBe(400);
  });
});
