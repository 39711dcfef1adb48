// The database client in both modes: embedded PGlite (in memory and on disk, with its
// single-process lock) and the Postgres server (when DATABASE_URL is set).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openDb } from "../../db/client";
import { DatabaseBusyError } from "../../db/lock";
import { programs } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { createTestDb } from "../helpers/db";

const tmp = mkdtempSync(path.join(os.tmpdir(), "daylight-client-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("embedded PGlite", () => {
  it("creates, migrates and keeps data in its directory across opens", async () => {
    const dir = path.join(tmp, "persist");
    const a = await openDb({ dataDir: dir });
    await a.migrate();
    await a.db.insert(programs).values({ slug: "drones", name: "Drones as first responders", status: "pilot" });
    await a.close();

    const b = await openDb({ dataDir: dir });
    await b.migrate(); // idempotent
    const rows = await b.db.select().from(programs);
    await b.close();
    expect(rows.map((r) => r.slug)).toEqual(["drones"]);
  });

  it("refuses a second process while one holds the database, with a clear message", async () => {
    const dir = path.join(tmp, "locked");
    const held = await openDb({ dataDir: dir, holder: "the portal server" });
    try {
      await expect(openDb({ dataDir: dir })).rejects.toThrow(DatabaseBusyError);
    } finally {
      await held.close();
    }
    const again = await openDb({ dataDir: dir });
    await again.close();
  });

  it("CLI exits non-zero and names the holder when the server holds the embedded database", async () => {
    const dataDir = path.join(tmp, "cli");
    const held = await openDb({ dataDir: path.join(dataDir, "pglite"), holder: "the portal server" });
    try {
      const cli = spawnSync(process.execPath, ["bin/daylight.mjs", "migrate"], {
        env: { ...process.env, DATABASE_URL: "", DAYLIGHT_DATA_DIR: dataDir },
        encoding: "utf8",
      });
      expect(cli.status).not.toBe(0);
      expect(cli.stderr).toContain("in use by the portal server");
      expect(cli.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    } finally {
      await held.close();
    }
  });
});

describe.runIf(process.env.DATABASE_URL)("Postgres server", () => {
  it("migrates a throwaway database and reads back through postgres.js", async () => {
    const t = await createTestDb();
    try {
      expect(t.kind).toBe("postgres");
      await t.db.insert(programs).values({ slug: "cso", name: "Community Safety Officers", status: "pilot" });
      const [row] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from programs`);
      expect(row.n).toBe(1);
      const [ver] = await queryRows<{ v: string }>(t.db, sql`select version() as v`);
      expect(ver.v).toMatch(/PostgreSQL/);
    } finally {
      await t.close();
    }
  });
});
