// Issue 18.4: on a Postgres server the portal runs as a role that may only read and append to the
// audit tables; migrations run as the owner (DATABASE_OWNER_URL). Needs a Postgres server: on the
// embedded database there is one user, so the test is skipped there (PGlite has no roles to test).
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "../../db/client";
import { AUDIT_TABLES, grantRuntimeRole } from "../../db/runtime-role";
import { appendAudit } from "../../server/audit/log";

const base = process.env.DATABASE_URL;
const suffix = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dbName = `daylight_roles_${suffix}`;
const role = `daylight_rt_${suffix}`;
const urlFor = (user: string | null) => {
  const u = new URL(base!);
  u.pathname = `/${dbName}`;
  if (user) {
    u.username = user;
    u.password = "";
  }
  return u.toString();
};

let h: DbHandle;
let rt: postgres.Sql;

describe.skipIf(!base)("the portal's database role (Postgres server)", () => {
  beforeAll(async () => {
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${dbName}"`);
    await admin.unsafe(`create role "${role}" login`);
    await admin.end();
    h = await openDb({ url: urlFor(role), ownerUrl: urlFor(null), max: 2 });
    await h.migrate();
    rt = postgres(urlFor(role), { max: 1, onnotice: () => {} });
  }, 120_000);

  afterAll(async () => {
    await rt?.end();
    await h?.close();
    const admin = postgres(base!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
    await admin.unsafe(`drop role if exists "${role}"`);
    await admin.end();
  });

  it("appends to the audit log and reads it, and can do nothing else to it", async () => {
    // The portal's own audit writer, running as the runtime role: key marker, sequence, chain row.
    await appendAudit(h.db, { actorType: "system", action: "test.append" }, "runtime-role-test-key-0123456789");
    expect((await rt`select count(*)::int as n from audit_log`)[0].n).toBeGreaterThan(0);
    for (const attack of [
      "update audit_log set action = 'x'",
      "delete from audit_log",
      "truncate audit_log",
      "alter table audit_log disable trigger all",
      "delete from audit_checkpoints",
      "truncate audit_checkpoints",
      "alter table audit_checkpoints drop column id",
      "drop table audit_key_marker",
    ])
      await expect(rt.unsafe(attack), attack).rejects.toThrow(/permission denied|must be (the )?owner/);
  });

  it("owns everything else: publishes through shadow tables and creates its job schema", async () => {
    await rt.unsafe("create table pub_datasets_shadow_test (like pub_datasets including all)");
    await rt.unsafe("alter table pub_datasets_shadow_test rename to pub_datasets_shadow_test2");
    await rt.unsafe("drop table pub_datasets_shadow_test2");
    await rt.unsafe("create schema if not exists pgboss_test");
    await rt.unsafe("drop schema pgboss_test");
    await rt`update users set name = name where false`;
  });

  it("can be run again: migrating a second time changes nothing", async () => {
    const owner = postgres(urlFor(null), { max: 1, onnotice: () => {} });
    try {
      const again = await grantRuntimeRole(owner, role);
      expect(again.tablesHandedOver).toBe(0);
      expect(again.auditTables.sort()).toEqual([...AUDIT_TABLES].sort());
    } finally {
      await owner.end();
    }
    await h.migrate();
  });
});
