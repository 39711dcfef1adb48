import "server-only";
// Staff reads and writes of the call-type mapping: the raw values no mapping covers yet, and
// re-deriving the category (and the sensitive flag) of the raw rows a new mapping covers.
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";
import { callCategories, callTypeMappings, cameras } from "@/db/schema";
import { UNCLASSIFIED, type MappingScope } from "@/lib/ingest/call-type-map";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

/** callTypeKey (lib/ingest/call-type-map.ts) in SQL: trimmed, lower-cased, spaces and underscores as one space. */
const keyOf = (col: SQL) => sql`btrim(regexp_replace(lower(${col}), '[[:space:]_]+', ' ', 'g'))`;

export type UnmappedValue = {
  /** The dataset whose records carry this value: a mapping saved from its card applies to it only. */
  scope: Exclude<MappingScope, "*">;
  key: string;
  examples: string[];
  flights: number;
  csoCalls: number;
  /** Plate-reader searches whose reason is this value. */
  searches: number;
  total: number;
};

/** Every raw call type whose rows are still "unclassified", per dataset, most frequent first. */
export async function listUnmapped(o: Opts = {}): Promise<UnmappedValue[]> {
  const db = await use(o);
  const rows = await queryRows<{ scope: string; key: string; examples: string[]; n: number }>(
    db,
    sql`with u as (
          select 'drones' as scope, ${keyOf(sql`call_type_raw`)} as key, btrim(call_type_raw) as raw
            from drone_flights where category = ${UNCLASSIFIED}
          union all
          select 'cso', ${keyOf(sql`call_type_raw`)}, btrim(call_type_raw)
            from cso_activities where category = ${UNCLASSIFIED}
          union all
          select 'alpr', ${keyOf(sql`reason`)}, btrim(reason)
            from alpr_searches where coalesce(category, ${UNCLASSIFIED}) = ${UNCLASSIFIED}
        )
        select scope, coalesce(key, '') as key, (array_agg(distinct coalesce(raw, '')))[1:3] as examples,
               count(*)::int as n
          from u group by 1, 2 order by count(*) desc, 2, 1`,
  );
  return rows.map((r) => {
    const n = Number(r.n);
    const scope = r.scope as UnmappedValue["scope"];
    return {
      scope,
      key: r.key,
      examples: r.examples,
      flights: scope === "drones" ? n : 0,
      csoCalls: scope === "cso" ? n : 0,
      searches: scope === "alpr" ? n : 0,
      total: n,
    };
  });
}

export async function listCategories(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(callCategories).orderBy(asc(callCategories.label));
}

/** The category a key maps to for a dataset: its own mapping, else the one for every dataset. */
export async function mappingFor(tx: DbOrTx, scope: MappingScope, key: string): Promise<string | null> {
  const rows = await tx
    .select()
    .from(callTypeMappings)
    .where(and(eq(callTypeMappings.key, key), inArray(callTypeMappings.scope, scope === "*" ? ["*"] : [scope, "*"])));
  return (rows.find((m) => m.scope === scope) ?? rows.find((m) => m.scope === "*"))?.category ?? null;
}

export async function saveMapping(tx: DbOrTx, scope: MappingScope, key: string, category: string): Promise<void> {
  await tx
    .insert(callTypeMappings)
    .values({ scope, key, category, origin: "staff" })
    .onConflictDoUpdate({
      target: [callTypeMappings.scope, callTypeMappings.key],
      set: { category, origin: "staff", updatedAt: new Date() },
    });
}

/**
 * Gives the rows whose raw call type has this key the new category (and, for flights, its
 * sensitive flag): the unclassified ones, and those the previous mapping had put in `from`. Only
 * the scope's dataset ("*": every dataset).
 */
export async function recategorize(
  tx: DbOrTx,
  p: { scope: MappingScope; key: string; category: string; from: string | null },
): Promise<{ flights: number; csoCalls: number; searches: number }> {
  const was = p.from && p.from !== p.category ? [UNCLASSIFIED, p.from] : [UNCLASSIFIED];
  const inWas = sql.join(
    was.map((c) => sql`${c}`),
    sql`, `,
  );
  const applies = (d: Exclude<MappingScope, "*">) => p.scope === "*" || p.scope === d;
  const flights = !applies("drones")
    ? []
    : await queryRows<{ n: number }>(
        tx,
        sql`with u as (
          update drone_flights set category = ${p.category},
                 sensitive = (select sensitive from call_categories where code = ${p.category}), updated_at = now()
           where category in (${inWas}) and ${keyOf(sql`call_type_raw`)} = ${p.key}
          returning 1)
        select count(*)::int as n from u`,
      );
  const cso = !applies("cso")
    ? []
    : await queryRows<{ n: number }>(
        tx,
        sql`with u as (
          update cso_activities set category = ${p.category}
           where category in (${inWas}) and ${keyOf(sql`call_type_raw`)} = ${p.key}
          returning 1)
        select count(*)::int as n from u`,
      );
  const searches = !applies("alpr")
    ? []
    : await queryRows<{ n: number }>(
        tx,
        sql`with u as (
          update alpr_searches set category = ${p.category}
           where coalesce(category, ${UNCLASSIFIED}) in (${inWas}) and ${keyOf(sql`reason`)} = ${p.key}
          returning 1)
        select count(*)::int as n from u`,
      );
  return {
    flights: Number(flights[0]?.n ?? 0),
    csoCalls: Number(cso[0]?.n ?? 0),
    searches: Number(searches[0]?.n ?? 0),
  };
}

/** A plate-reader reason key's category: a category code or label, else its mapping (its own scope first). */
const searchCategoryOf = (key: SQL) => sql`(
  select c.code from call_categories c
   where ${keyOf(sql`c.code`)} = ${key} or ${keyOf(sql`c.label`)} = ${key}
  union all
  select * from (select m.category from call_type_mappings m
    where m.key = ${key} and m.scope in ('alpr', '*') order by m.scope = '*' limit 1) own
  limit 1)`;

/**
 * Gives every still-unclassified plate-reader search the category its raw reason maps to. For rows
 * written without the import's mapping (the demo seed); returns how many changed.
 */
export async function deriveSearchCategories(tx: DbOrTx): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    tx,
    sql`with k as (
          select id, ${keyOf(sql`reason`)} as key from alpr_searches
           where coalesce(category, ${UNCLASSIFIED}) = ${UNCLASSIFIED}
        ), u as (
          update alpr_searches s set category = d.code
            from k join lateral ${searchCategoryOf(sql`k.key`)} d on true
           where s.id = k.id and d.code <> ${UNCLASSIFIED}
          returning 1)
        select count(*)::int as n from u`,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The category each raw reason maps to, as deriveSearchCategories would give it (reasons with none
 * left out): for writers that know their reasons up front, so millions of rows need no update.
 */
export async function searchCategoriesFor(tx: DbOrTx, reasons: string[]): Promise<Map<string, string>> {
  if (reasons.length === 0) return new Map();
  const rows = await queryRows<{ raw: string; code: string }>(
    tx,
    sql`select v.raw, d.code from (values ${sql.join(
      reasons.map((r) => sql`(${r}::text)`),
      sql`, `,
    )}) as v(raw)
        join lateral ${searchCategoryOf(keyOf(sql`v.raw`))} d on true
        where d.code <> ${UNCLASSIFIED}`,
  );
  return new Map(rows.map((r) => [r.raw, r.code]));
}

/** Cameras added from access logs whose location nobody has given yet. */
export async function listCamerasWithoutLocation(o: Opts = {}) {
  const db = await use(o);
  return queryRows<{ id: number; name: string; owner: string | null; accesses: number }>(
    db,
    sql`select c.id, c.name, a.name as owner,
               (select count(*)::int from camera_access_events e where e.camera_id = c.id) as accesses
          from ${cameras} c left join agencies a on a.id = c.owner_agency_id
         where c.lat is null or c.lon is null
         order by accesses desc, c.name`,
  );
}
