import "server-only";
// Per-call published rows: public id, rounded time, category, source, generalized place,
// response and clear times, outcome, referrals and evidence flags. Sensitive calls keep only
// the day, the category, the source, a resolution-7 cell and the evidence flags.
//
// Built in SQL (CREATE TABLE … AS, see db/shadow.ts): 600,000 calls never travel back through
// Node. The one thing SQL cannot compute, each call's generalized H3 cell, is decided in JS over
// the whole record and joined in as a jsonb parameter.
import { sql, type SQL } from "drizzle-orm";
import type { ShadowTables } from "../../db/shadow";
import {
  cellOfIdSql,
  localDateSql,
  localDaySql,
  localHourSql,
  minutesSql,
  publicIdSql,
  weekStartSql,
} from "./camera-sql";
import { endedAtSql } from "./cso-source";
import type { Scope } from "../../lib/publish/incremental";
import { inScopeSql, writeRows } from "./scope-sql";
import { rules } from "../../lib/publish/rules";

/** Minutes from a to b, to one decimal (rounded half up), or null without b. */
export const minutesBetween = (a: Date, b: Date | null) =>
  b ? Math.round((b.getTime() - a.getTime()) / 6000) / 10 : null;

/** The columns callRowsSql returns, in order. */
const CALL_COLUMNS = [
  "public_id",
  "received_at",
  "time_precision",
  "local_date",
  "week_start",
  "local_hour",
  "category",
  "category_label",
  "sensitive",
  "call_source",
  "area_slug",
  "area_name",
  "h3_cell",
  "h3_res",
  "response_min",
  "clear_min",
  "outcome",
  "referrals",
  "report_written",
  "fingerprints_collected",
  "dna_collected",
  "sworn_backup_requested",
];

/** `pgcrypto`: see publicIdSql. */
export type CallRowsOptions = {
  cutoff: Date;
  timeZone: string;
  key: string;
  pgcrypto?: string | null;
  cells: Map<number, string>;
  /** Every call, or those of some local dates (incremental publication). */
  scope?: Scope;
};

/** Builds the published call log as the rebuilt pub_cso_calls; returns its row count. */
export async function publishCalls(shadow: ShadowTables, o: CallRowsOptions): Promise<number> {
  return writeRows(shadow, "pub_cso_calls", CALL_COLUMNS, callRowsSql(o), o.scope);
}

/** The published rows of the calls that ended before the cutoff, in the order of CALL_COLUMNS. */
export function callRowsSql(o: CallRowsOptions): SQL {
  const tz = o.timeZone;
  const at = sql`a.received_at`;
  // Sensitive calls: the day, the source, a resolution-7 cell and the evidence flags; "Protected call type" for the category.
  const open = (value: SQL, otherwise: SQL = sql`null`) =>
    sql`case when k.sensitive then ${otherwise} else ${value} end`;
  const P = rules.protectedCategory;
  return sql`select ${publicIdSql("c", sql`a.source`, sql`a.external_id`, o.key, o.pgcrypto ?? null)},
      case when k.sensitive then ${localDaySql(at, tz)} else ${localHourSql(at, tz)} end,
      case when k.sensitive then 'day' else 'hour' end,
      ${localDateSql(at, tz)}, ${weekStartSql(at, tz)},
      ${open(sql`extract(hour from ${at} at time zone ${tz})`)},
      ${open(sql`a.category`, sql`${P.code}::text`)}, ${open(sql`k.label`, sql`${P.label}::text`)}, k.sensitive, a.call_source::text,
      ${open(sql`ar.slug`)}, ${open(sql`ar.name`)},
      g.c, g.r,
      ${open(minutesSql(at, sql`a.on_scene_at`))}, ${open(minutesSql(at, sql`a.cleared_at`))},
      ${open(sql`a.outcome::text`)}, ${open(sql`a.referrals`)},
      a.report_written, a.fingerprints_collected, a.dna_collected, a.sworn_backup_requested
    from cso_activities a
    join call_categories k on k.code = a.category
    left join areas ar on ar.id = a.area_id
    left join ${cellOfIdSql(o.cells)} g on g.id = a.id
    where ${endedAtSql(sql`a`)} <= ${o.cutoff.toISOString()}::timestamptz${inScopeSql(at, tz, o.scope)}`;
}
