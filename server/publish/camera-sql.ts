import "server-only";
// SQL building blocks shared by the publishers that build their row tables in SQL (CREATE TABLE …
// AS, see db/shadow.ts): millions of accesses never travel through Node. The keyed hashes of the
// small sets (users, cameras) are computed in JS and joined in as a jsonb parameter.
import { sql, type SQL } from "drizzle-orm";
import { getResolution } from "h3-js";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { pseudonymMap } from "../../lib/publish/rules/pseudonym";
import { hmacPads } from "../../lib/publish/rules/public-id";

/** A jsonb parameter of {id, v} pairs to join against (personnel → pseudonym, camera → public id). */
export function idMapJson(map: Map<string, string>): string {
  return JSON.stringify([...map].map(([id, v]) => ({ id: Number(id), v })));
}

export function pseudonymsFor(ids: Iterable<number>, key: string): Map<string, string> {
  return pseudonymMap([...ids].map(String), key);
}

/**
 * lib/publish/rules/public-id.ts's publicId(prefix, source, externalId, key), computed in SQL, then
 * base64 without "+/=" (the same characters base64url's "-_" the JS version strips), 12 chars, lower
 * case. The MAC is pgcrypto's hmac() when the database has pgcrypto (`pgcrypto` names its schema, see
 * pgcryptoSchema), else HMAC-SHA256 built from core sha256() with the padded keys passed as bytea
 * parameters. Both give the same id; at scale 100 (2.5 million accesses, one core) the first takes
 * about 3 s and the second about 9 s, because each core sha256() call sets up a new digest context.
 */
export function publicIdSql(
  prefix: string,
  source: SQL,
  externalId: SQL,
  key: string,
  pgcrypto: string | null = null,
): SQL {
  const pads = hmacPads(key);
  const msg = sql`convert_to(${prefix}::text, 'UTF8') || '\\x00'::bytea || convert_to(${source}, 'UTF8') || '\\x00'::bytea || convert_to(${externalId}, 'UTF8')`;
  const mac = pgcrypto
    ? sql`${sql.identifier(pgcrypto)}.hmac(${msg}, decode(${Buffer.from(key, "utf8").toString("hex")}::text, 'hex'), 'sha256')`
    : sql`sha256(decode(${pads.opad.toString("hex")}::text, 'hex') || sha256(decode(${pads.ipad.toString("hex")}::text, 'hex') || ${msg}))`;
  // replace() three times rather than translate(): the same result, at a quarter of the cost
  // (translate() decodes every character; about 2.5 CPU-seconds over 2.5 million ids).
  return sql`${prefix}::text || '-' || lower(substr(replace(replace(replace(encode(${mac}, 'base64'), '+', ''), '/', ''), '=', ''), 1, 12))`;
}

/** The schema pgcrypto is installed in, or null when this database does not have it (PGlite, or a server without it). */
export async function pgcryptoSchema(tx: DbOrTx): Promise<string | null> {
  const rows = await queryRows<{ schema: string }>(
    tx,
    sql`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pgcrypto'`,
  );
  return rows[0]?.schema ?? null;
}

/** Local hour / date / ISO week (Monday) of a timestamptz column in the city's time zone. */
// The hour subtracts the minutes past the local hour from the instant itself, rather than turning a
// truncated wall-clock reading back into an instant: in the repeated hour when clocks go back, that
// reading names two instants and Postgres would pick the later one for both.
export const localHourSql = (col: SQL, tz: string) =>
  sql`(${col} - ((${col} at time zone ${tz}) - date_trunc('hour', ${col} at time zone ${tz})))`;
/** Local midnight as an instant (sensitive records publish only their day). No zone changes at midnight. */
export const localDaySql = (col: SQL, tz: string) =>
  sql`(date_trunc('day', ${col} at time zone ${tz}) at time zone ${tz})`;
export const localDateSql = (col: SQL, tz: string) => sql`((${col} at time zone ${tz})::date)`;
export const weekStartSql = (col: SQL, tz: string) => sql`(date_trunc('week', ${col} at time zone ${tz})::date)`;

/**
 * Each record's generalized H3 cell (decided in JS over the whole record) as a subquery of
 * (c text, r int, id int) to left join on the record's id. Grouped by cell (hundreds), each with its
 * ids as an array literal: a far smaller parameter to parse than one object per record.
 */
export function cellOfIdSql(cells: Map<number, string>): SQL {
  const byCell = new Map<string, number[]>();
  for (const [id, c] of cells) {
    const ids = byCell.get(c);
    if (ids) ids.push(id);
    else byCell.set(c, [id]);
  }
  const json = JSON.stringify([...byCell].map(([c, ids]) => ({ c, r: getResolution(c), ids: `{${ids.join(",")}}` })));
  return sql`(select x.c, x.r, unnest(x.ids) as id from jsonb_to_recordset(${json}::jsonb) as x(c text, r int, ids int[]))`;
}

/** Minutes from a to b (null without b), to one decimal, as the JS rules compute them: on whole milliseconds, rounded half up. */
export const minutesSql = (a: SQL, b: SQL) =>
  sql`(floor((floor(extract(epoch from ${b}) * 1000) - floor(extract(epoch from ${a}) * 1000)) / 6000 + 0.5) / 10)`;

/** A raw text column mapped onto a fixed list (anything else becomes "other"). */
export function vocabSql(col: SQL, allowed: readonly string[], fallback = "other"): SQL {
  const list = sql.join(
    allowed.map((a) => sql`${a}`),
    sql`, `,
  );
  return sql`(case when ${col} in (${list}) then ${col} else ${fallback} end)`;
}
