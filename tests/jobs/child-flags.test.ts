// The flag recompute in a process of its own (server/jobs/child-flags.ts), as the server's job
// workers run it on a Postgres server: it writes the flags the in-process recompute writes, and a
// recompute that fails (here: a database that does not exist) fails the job with its reason while
// this process goes on. Postgres only: on the embedded database the recompute stays in the server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/sql";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { childHeapMb, flagsInChildProcess } from "../../server/jobs/child-flags";
import { dbMode, type TestDb } from "../helpers/db";
import { demoDb } from "../helpers/demo";

describe("the child process's heap", () => {
  it("is half the machine's memory, never under Node's usual 4 GB", () => {
    expect(childHeapMb(24 * 2 ** 30)).toBe(12 * 1024);
    expect(childHeapMb(4 * 2 ** 30)).toBe(4096);
  });
});

describe.runIf(dbMode === "postgres")("the flag recompute in its own process", () => {
  let t: TestDb;
  const urlOf = (name: string) => {
    const u = new URL(process.env.DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const flags = async () =>
    (
      await queryRows<{ r: string }>(
        t.db,
        sql`select concat_ws('|', rule, record_type, record_id, explanation) as r from anomaly_flags order by 1`,
      )
    ).map((x) => x.r);

  beforeAll(async () => {
    t = (await demoDb(0.03, "flights")).t;
    await t.db.execute(sql`delete from anomaly_flags`);
  }, 600_000);
  afterAll(async () => t?.close());

  it("writes the flags the in-process recompute writes, and says how many", async () => {
    const lines: string[] = [];
    const result = await flagsInChildProcess(urlOf(t.name), { heapMb: 1024 }).run(t.db, {}, (l) => lines.push(l));
    const child = await flags();
    expect(child.length).toBeGreaterThan(0);
    expect(result).toMatch(new RegExp(`^Recomputed ${child.length} anomaly flags in [\\d.]+ s$`));
    expect(lines).toEqual([result]);
    await t.db.execute(sql`delete from anomaly_flags`);
    const inProcess = await recomputeFlags(t.db);
    expect(inProcess.total).toBe(child.length);
    expect(await flags()).toEqual(child);
  }, 300_000);

  it("fails the job with the recompute's own reason when it cannot finish, and this process goes on", async () => {
    const job = flagsInChildProcess(urlOf(`${t.name}_missing`), { heapMb: 1024 });
    await expect(job.run(t.db, {}, () => {})).rejects.toThrow(
      /flag recompute \(its own process, heap 1024 MB\) exited with [1-9]\d*: daylight: /,
    );
    expect((await flags()).length).toBeGreaterThan(0);
  }, 300_000);

  it("fails the job, saying so, when the recompute runs out of memory", async () => {
    // A heap far too small for the records, as 13 million were for Node's default 4 GB.
    const job = flagsInChildProcess(urlOf(t.name), { heapMb: 24 });
    await expect(job.run(t.db, {}, () => {})).rejects.toThrow(
      /heap 24 MB\) (exited with \d+|was stopped \(SIG\w+\)): .*FATAL ERROR.*heap/i,
    );
    expect((await flags()).length).toBeGreaterThan(0);
  }, 300_000);
});
