// The write side of an import: rows staged, then merged once; a file that at least doubles its
// table is merged "in bulk", with the table's plain indexes and foreign keys dropped and built again.
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { cameraAccessEvents } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { withoutSecondaryIndexes } from "../../db/queries/ingest/sql";
import { writers } from "../../db/queries/ingest/writers";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { dbMode, type TestDb } from "../helpers/db";
import { options, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const HEADER =
  "user,user_organization,object_type,operation,client,object_name,object_organization,location_name,timestamp,updated_timestamp,duration,incident_id,notes,Latitude,Longitude";
/** A video-platform audit export of `n` accesses, one minute apart, `note` in each row's notes. */
function audit(n: number, note = "Routine check", from = 0): string {
  const rows = Array.from({ length: n }, (_, k) => {
    const i = from + k;
    const min = String(i % 60).padStart(2, "0");
    return `Operator ${i % 3},Lakemont Sheriff's Station,Camera,View Live,Web Client,Bench Cam ${i % 4},Lakemont Sheriff's Station,Site ${i % 4},3/${1 + Math.floor(i / 600)}/2025 ${10 + Math.floor((i % 600) / 60)}:${min}:00,,0:05:00,LKM-25-${i},${note},33.8921,-118.3548`;
  });
  return `${HEADER}\n${rows.join("\n")}\n`;
}

/** A table's indexes and constraints, as Postgres prints their definitions. */
async function definitions(table = "camera_access_events", db: DbOrTx = t.db) {
  const indexes = await queryRows<{ def: string }>(
    db,
    sql`select indexdef as def from pg_indexes where tablename = ${table} order by indexname`,
  );
  const keys = await queryRows<{ def: string }>(
    db,
    sql`select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint where conrelid = ${table}::regclass order by conname`,
  );
  return { indexes: indexes.map((r) => r.def), keys: keys.map((r) => r.def) };
}

const count = async () => Number((await t.db.select({ n: sql<number>`count(*)` }).from(cameraAccessEvents))[0].n);

describe(`staged imports (${dbMode})`, () => {
  it("never merges a dry run in bulk (checking a file locks nothing)", async () => {
    const r = await importFile(
      t.db,
      [audit(40)],
      options("camera_access", "check.csv", { bulkMinRows: 10, dryRun: true }),
    );
    expect(r).toMatchObject({ status: "dry_run", inserted: 40, bulk: false });
    expect(await count()).toBe(0);
  });

  it("merges a first load in bulk and leaves every index and foreign key as it was", async () => {
    const before = await definitions();
    expect(before.indexes.length).toBeGreaterThanOrEqual(5);
    expect(before.keys.filter((k) => k.includes("FOREIGN KEY"))).toHaveLength(4);
    const r = await importFile(
      t.db,
      [audit(40)],
      options("camera_access", "first.csv", { bulkMinRows: 10, batchSize: 7 }),
    );
    expect(r).toMatchObject({ status: "succeeded", inserted: 40, updated: 0, unchanged: 0, bulk: true });
    expect(await count()).toBe(40);
    expect(await definitions()).toEqual(before);
  });

  it("merges into a larger table row by row, and a second import of the same rows changes nothing", async () => {
    // 20 rows, of which 10 are already there: fewer than the table holds, so not in bulk.
    const r = await importFile(
      t.db,
      [audit(20, "Routine check", 30)],
      options("camera_access", "more.csv", { bulkMinRows: 10 }),
    );
    expect(r).toMatchObject({ status: "succeeded", inserted: 10, updated: 0, unchanged: 10, bulk: false });
    expect(await count()).toBe(50);
  });

  it("keeps the last of the rows a file repeats, counting the earlier ones as unchanged", async () => {
    const text = audit(1, "first note", 100) + audit(1, "second note", 100).split("\n").slice(1).join("\n");
    const r = await importFile(t.db, [text], options("camera_access", "twice.csv"));
    expect(r).toMatchObject({ status: "succeeded", rowsRead: 2, inserted: 1, updated: 0, unchanged: 1 });
    const rows = await queryRows<{ reason_text: string }>(
      t.db,
      sql`select reason_text from camera_access_events where case_number = 'LKM-25-100'`,
    );
    expect(rows).toEqual([{ reason_text: "second note" }]);
  });

  it("rebuilds every importable table's indexes and keys exactly as they were", async () => {
    for (const table of new Set(Object.values(writers).map((w) => w.upsert.table))) {
      const before = await definitions(table);
      await t.db.transaction((tx) =>
        withoutSecondaryIndexes(tx, table, async () => {
          const during = await definitions(table, tx);
          expect(during.keys.some((k) => k.includes("FOREIGN KEY"))).toBe(false);
          expect(during.indexes.length).toBeLessThanOrEqual(before.indexes.length);
        }),
      );
      expect(await definitions(table), table).toEqual(before);
    }
  });

  it("puts the foreign keys back checked: a bulk merge that broke one changes nothing", async () => {
    const before = await definitions();
    const rows = await count();
    const attempt = t.db.transaction(async (tx) => {
      await withoutSecondaryIndexes(tx, "camera_access_events", async () => {
        // What a foreign key would refuse: a camera that does not exist.
        await tx.execute(sql`insert into camera_access_events (source, external_id, personnel_id, agency_id, user_role, camera_id, operation, started_at, ended_at)
          select source, 'broken', personnel_id, agency_id, user_role, 999999, operation, started_at, ended_at from camera_access_events limit 1`);
      });
    });
    await expect(attempt).rejects.toThrow(/foreign key/i);
    expect(await count()).toBe(rows);
    expect(await definitions()).toEqual(before);
  });
});
