// Large published tables are rebuilt beside the served ones and swapped in at commit
// (db/shadow.ts). The swap must leave each table exactly as the migrations define it, readers
// must keep the old rows until commit, and a failure must leave the old table in place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { ShadowTables } from "../../db/shadow";
import { queryRows } from "../../db/sql";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

const TABLES = ["pub_flights", "pub_camera_accesses", "pub_alpr_searches", "pub_cso_calls"];
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 600_000);
afterAll(async () => {
  await t?.close();
});

const shape = () =>
  queryRows(
    t.db,
    sql`
  select c.relname as table, i.relname as index, pg_get_indexdef(i.oid) as def,
    (select conname from pg_constraint k where k.conindid = i.oid) as constraint
  from pg_class c join pg_index x on x.indrelid = c.oid join pg_class i on i.oid = x.indexrelid
  where c.relname in (${sql.join(
    TABLES.map((n) => sql`${n}`),
    sql`, `,
  )}) order by 1, 2`,
  );
const columns = () =>
  queryRows(
    t.db,
    sql`
  select table_name, column_name, data_type, is_nullable, column_default, collation_name from information_schema.columns
  where table_name in (${sql.join(
    TABLES.map((n) => sql`${n}`),
    sql`, `,
  )}) order by 1, ordinal_position`,
  );

describe(`rebuilding published tables (${dbMode})`, () => {
  it("leaves keys, indexes and columns exactly as the migrations made them", async () => {
    const before = { idx: await shape(), cols: await columns() };
    expect(before.idx.length).toBeGreaterThan(TABLES.length);
    for (let i = 0; i < 2; i++) {
      const run = await runPublish(t.db, {
        pseudonymKey: "test-key-0123456789abcdef",
        timeZone: "America/Los_Angeles",
        trigger: "test",
      });
      expect(run.publisherMs.vacuum).toBeGreaterThanOrEqual(0);
    }
    expect({ idx: await shape(), cols: await columns() }).toEqual(before);
    const leftovers = await queryRows(t.db, sql`select relname from pg_class where relname like '%\\_\\_next%'`);
    expect(leftovers).toEqual([]);
  });

  it("keeps the old rows until the swap, and the old table when the transaction fails", async () => {
    await t.db
      .execute(sql`insert into pub_cso_calls (public_id, received_at, time_precision, local_date, week_start, category, category_label, sensitive, call_source,
      report_written, fingerprints_collected, dna_collected, sworn_backup_requested)
      values ('c-old', now(), 'hour', current_date, current_date, 'x', 'X', false, 'dispatch', false, false, false, false)`);
    await expect(
      t.db.transaction(async (tx) => {
        const shadow = new ShadowTables(tx);
        const name = await shadow.create("pub_cso_calls");
        await shadow.index("pub_cso_calls");
        const [{ n }] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pub_cso_calls`);
        expect(n).toBe(1);
        const [{ m }] = await queryRows<{ m: number }>(tx, sql`select count(*)::int as m from ${sql.identifier(name)}`);
        expect(m).toBe(0);
        await shadow.swap();
        throw new Error("publisher failed after the swap");
      }),
    ).rejects.toThrow("publisher failed");
    const rows = await queryRows<{ public_id: string }>(t.db, sql`select public_id from pub_cso_calls`);
    expect(rows.map((r) => r.public_id)).toEqual(["c-old"]);
  });

  it("vacuums the tables it swapped in, so their pages are all-visible to index-only scans", async () => {
    let swapped: string[] = [];
    await t.db.transaction(async (tx) => {
      const shadow = new ShadowTables(tx);
      await shadow.create("pub_cso_calls");
      await tx.execute(
        sql.raw(`insert into ${shadow.nameOf("pub_cso_calls")} (public_id, received_at, time_precision, local_date, week_start, category,
        category_label, sensitive, call_source, report_written, fingerprints_collected, dna_collected, sworn_backup_requested)
        select 'c-' || i, now(), 'hour', current_date, current_date, 'x', 'X', false, 'dispatch', false, false, false, false from generate_series(1, 5000) i`),
      );
      await shadow.index("pub_cso_calls");
      swapped = await shadow.swap();
    });
    expect(swapped).toEqual(["pub_cso_calls"]);
    const visible = async () =>
      (
        await queryRows<{ pages: number; visible: number }>(
          t.db,
          sql`select relpages as pages, relallvisible as visible from pg_class where relname = 'pub_cso_calls'`,
        )
      )[0];
    expect((await visible()).visible).toBe(0);
    await ShadowTables.vacuum(t.db, swapped);
    const after = await visible();
    expect(after.pages).toBeGreaterThan(0);
    expect(after.visible).toBe(after.pages);
  });
});
