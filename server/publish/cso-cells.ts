import "server-only";
// Place generalization of CSO calls from grouped counts instead of one event per call: a call's
// published cell depends only on its resolution-8 cell, its coarse cell and its sensitivity, and on
// how many calls share them (lib/publish/rules/h3.ts). So the calls' counts per (fine, coarse,
// sensitive), kept per local date (publish_part_cso_cells) and summed, decide exactly what generalize
// decides over every call, without an H3 lookup per call on each publication.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { cellsOf } from "../../lib/publish/rules/h3";
import type { Located } from "./scope-sql";

import { endedAtSql } from "./cso-source";

/** A located call with its two cells. */
export type LocatedCall = Located;

/**
 * The published located calls that `where` keeps (a condition on `a`, cso_activities, with its
 * leading "and"), with their local date and cells. Each travels as one text value (600,000 of them
 * on a full publication at scale 100).
 */
export async function locatedCalls(
  tx: DbOrTx,
  o: { cutoff: Date; timeZone: string; where: SQL },
): Promise<LocatedCall[]> {
  const rows = await queryRows<{ r: string }>(
    tx,
    sql`select concat_ws(',', a.id, to_char((a.received_at at time zone ${o.timeZone})::date, 'YYYY-MM-DD'),
        a.lat::float8::text, a.lon::float8::text, k.sensitive::int) as r
      from cso_activities a join call_categories k on k.code = a.category
      where ${endedAtSql(sql`a`)} <= ${o.cutoff.toISOString()}::timestamptz
        and a.lat is not null and a.lon is not null${o.where}`,
  );
  return rows.map(({ r }) => {
    const f = r.split(",");
    return { id: Number(f[0]), date: f[1], ...cellsOf(Number(f[2]), Number(f[3])), sensitive: f[4] === "1" };
  });
}
