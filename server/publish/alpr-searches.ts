import "server-only";
// Plate-reader searches as published rows, in SQL: hour, pseudonymous user, role, agency, purpose
// (the call category of the raw reason) and offense type on controlled vocabularies, linked to a case yes/no, networks searched.
// The raw reason is free text and the case number is restricted: neither is ever copied.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import { queryRows } from "../../db/sql";
import { ALPR_OFFENSES, ALPR_REASONS } from "../../lib/cameras/vocab";
import { idMapJson, localDateSql, localHourSql, publicIdSql, weekStartSql } from "./camera-sql";
import type { Scope } from "../../lib/publish/incremental";
import { inScopeSql, writeRows } from "./scope-sql";

/**
 * The published purpose of a search: its call category (mapped from the raw reason through the
 * call-type mapping staff keep), "protected" for a sensitive one, "unclassified" until mapped, and
 * "other" for a category outside the public vocabulary.
 */
export function alprReasonSql(category: SQL, sensitive: SQL): SQL {
  const known = sql.join(
    ALPR_REASONS.map((x) => sql`${x}`),
    sql`, `,
  );
  return sql`(case when ${sensitive} then 'protected' when ${category} is null then 'unclassified'
    when ${category} in (${known}) then ${category} else 'other' end)`;
}

const SEARCH_COLUMNS = [
  "public_id",
  "hour",
  "local_date",
  "week_start",
  "user_pseudonym",
  "user_role",
  "agency",
  "reason",
  "offense_type",
  "linked_to_case",
  "network_count",
  "networks",
];

/** Builds the published searches as the rebuilt pub_alpr_searches; returns its row count. */
export async function publishSearches(
  tx: DbOrTx,
  shadow: ShadowTables,
  o: {
    cutoff: Date;
    timeZone: string;
    key: string;
    pgcrypto: string | null;
    users: Map<string, string>;
    cityNames: string[];
    /** Every search, or those of some local dates (incremental publication). */
    scope?: Scope;
  },
): Promise<number> {
  const tz = o.timeZone;
  const at = sql`s.searched_at`;
  const offenses = sql.join(
    ALPR_OFFENSES.map((x) => sql`${x}`),
    sql`, `,
  );
  // Known names, compared as agencies.name_key keeps them: trimmed and in lower case.
  const agencyKeys = await queryRows<{ k: string }>(tx, sql`select name_key as k from agencies`);
  const known = sql.join(
    [...agencyKeys.map((a) => a.k), ...o.cityNames.map((x) => x.trim().toLowerCase())].map((k) => sql`${k}`),
    sql`, `,
  );
  return writeRows(
    shadow,
    "pub_alpr_searches",
    SEARCH_COLUMNS,
    sql`
    select ${publicIdSql("als", sql`s.source`, sql`s.external_id`, o.key, o.pgcrypto)},
      ${localHourSql(at, tz)}, ${localDateSql(at, tz)}, ${weekStartSql(at, tz)},
      u.v, p.role::text, ag.name, ${alprReasonSql(sql`s.category`, sql`coalesce(cc.sensitive, false)`)},
      case when s.offense_type is null or trim(s.offense_type) = '' then 'not_recorded'
           when lower(trim(s.offense_type)) in (${offenses}) then lower(trim(s.offense_type)) else 'other' end,
      coalesce(trim(s.case_number), '') <> '', s.network_count,
      coalesce(n.networks, '[]'::jsonb)
    from alpr_searches s
    join personnel p on p.id = s.personnel_id
    join agencies ag on ag.id = s.agency_id
    left join call_categories cc on cc.code = s.category
    join jsonb_to_recordset(${idMapJson(o.users)}::jsonb) as u(id int, v text) on u.id = s.personnel_id
    -- Networks are published by name only when they are a known agency or the city itself. A
    -- lateral join, not a subquery in the select list, so parallel workers can compute it too.
    left join lateral (select jsonb_agg(case when lower(trim(x)) in (${known}) then trim(x) else 'Other network' end) as networks
      from jsonb_array_elements_text(coalesce(s.networks, '[]'::jsonb)) as x) n on true
    where s.searched_at <= ${o.cutoff.toISOString()}::timestamptz${inScopeSql(at, tz, o.scope)}`,
    o.scope,
  );
}
