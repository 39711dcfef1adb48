// Two roles on a Postgres server (issue 18.4): migrations run as the owner (DATABASE_OWNER_URL),
// the portal as its runtime role (DATABASE_URL). After migrating, the owner hands the runtime role
// every table except the audit tables, which it keeps: the portal may read them and append to them,
// and nothing else — no UPDATE, DELETE, TRUNCATE, ALTER or DISABLE TRIGGER with the app's own
// credentials. The owner must be able to act as the runtime role (a superuser, or a member of it).
import type postgres from "postgres";

/** Tables the runtime role may only read and append to. */
export const AUDIT_TABLES = ["audit_log", "audit_checkpoints", "audit_key_marker"] as const;

export type RuntimeGrant = { role: string; tablesHandedOver: number; auditTables: string[] };

/** The role a connection runs as. */
export async function currentRole(sql: postgres.Sql): Promise<string> {
  const [r] = await sql<{ role: string }[]>`select current_user as role`;
  return r.role;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Idempotent: a second run on a database already set up changes nothing (and takes no locks). */
export async function grantRuntimeRole(owner: postgres.Sql, role: string): Promise<RuntimeGrant> {
  const [{ db, me }] = await owner<{ db: string; me: string }[]>`select current_database() as db, current_user as me`;
  // Shadow tables of a publication are created by the portal; pg-boss creates its own schema.
  await owner.unsafe(`grant usage, create on schema public to ${quoted(role)}`);
  await owner.unsafe(`grant connect, create on database ${quoted(db)} to ${quoted(role)}`);
  const tables = await owner<{ name: string; owner: string; writable: boolean; insertable: boolean }[]>`
    select tablename as name, tableowner as owner,
      has_table_privilege(${role}, format('public.%I', tablename), 'UPDATE, DELETE, TRUNCATE, TRIGGER') as writable,
      has_table_privilege(${role}, format('public.%I', tablename), 'INSERT') as insertable
    from pg_tables where schemaname = 'public' order by tablename`;
  const audit = new Set<string>(AUDIT_TABLES);
  let handed = 0;
  for (const t of tables) {
    const table = `public.${quoted(t.name)}`;
    if (audit.has(t.name)) {
      if (t.owner === me && !t.writable && t.insertable) continue;
      // Kept by the owner (or taken back from a one-user setup), append-only for the portal.
      if (t.owner !== me) await owner.unsafe(`alter table ${table} owner to ${quoted(me)}`);
      await owner.unsafe(`revoke all on table ${table} from ${quoted(role)}`);
      await owner.unsafe(`grant select, insert on table ${table} to ${quoted(role)}`);
      const seqs = await owner<{ seq: string | null }[]>`
        select pg_get_serial_sequence(${table}, a.attname) as seq
        from pg_attribute a where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`;
      for (const s of seqs)
        if (s.seq) await owner.unsafe(`grant usage, select on sequence ${s.seq} to ${quoted(role)}`);
    } else if (t.owner !== role) {
      // Its serial sequences move with it.
      await owner.unsafe(`alter table ${table} owner to ${quoted(role)}`);
      handed++;
    }
  }
  return { role, tablesHandedOver: handed, auditTables: tables.filter((t) => audit.has(t.name)).map((t) => t.name) };
}
