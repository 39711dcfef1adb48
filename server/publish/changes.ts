import "server-only";
// Incremental publication: what a publication must rewrite of each dataset's published rows.
//
// A dataset's published rows depend on its own records, on the reference tables it joins (areas,
// agencies, categories, cameras, docks, people), on the rules, the keys, the zone and the city's
// configuration. The last of these are hashed into a fingerprint per dataset, kept with the run. A
// publication whose fingerprint equals the one the served rows were built under rewrites only the
// local dates where (a) records changed since (the change log publish_changes, filled by triggers
// on the raw tables, migration 0033) or (b) records crossed the publication delay between the two
// runs' cutoffs; every other date's rows are what a full rebuild would write again. Anything else
// (no earlier publication, a changed fingerprint, an emptied table, too many dates) rebuilds the
// dataset, as `daylight publish --full` always does.
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { city } from "../../lib/config/city";
import { FULL, localDatesBetween, unionDays, type Scope } from "../../lib/publish/incremental";
import { RULES_VERSION, rules } from "../../lib/publish/rules";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { endedAtSql } from "./cso-source";

/** The datasets whose published rows are rewritten by local date; the other publishers are small and always rebuild. */
export const INCREMENTAL_DATASETS = ["drones", "cameras", "alpr", "cso"] as const;
export type IncrementalDataset = (typeof INCREMENTAL_DATASETS)[number];
export const isIncremental = (name: string): name is IncrementalDataset =>
  (INCREMENTAL_DATASETS as readonly string[]).includes(name);

/**
 * Bump when a change to the publishers' code changes what they write for the same records, or adds
 * a table an incremental publication builds on (the partial counts): the fingerprints change with
 * it, and the next publication rebuilds everything.
 * 2: the per-local-date partial counts (publish_part_*), empty in a database published before them.
 * 3: the camera accesses' partial counts by area too (the cameras' "area" breakdown).
 */
export const PUBLICATION_FORMAT = 3;

/** More changed dates than this, and a rebuild is as quick as rewriting them one by one. */
export const MAX_INCREMENTAL_DAYS = 60;

/** The reference tables each dataset's published rows read. */
const REFERENCES: Record<IncrementalDataset, string[]> = {
  drones: ["call_categories", "areas", "drone_docks"],
  cameras: ["cameras", "areas", "agencies", "personnel"],
  alpr: ["call_categories", "agencies", "personnel"],
  cso: ["call_categories", "areas"],
};

/** What a publication's rows are built under, per dataset, and the last change-log row it has seen. */
export type PublicationState = { fingerprints: Record<string, string>; through: number };

export async function publicationState(
  tx: DbOrTx,
  o: { pseudonymKey: string; timeZone: string },
): Promise<PublicationState> {
  const tables = [...new Set(Object.values(REFERENCES).flat())];
  const hashes = new Map<string, string>();
  for (const t of tables) {
    const [{ h }] = await queryRows<{ h: string }>(
      tx,
      sql`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.identifier(t)} t`,
    );
    hashes.set(t, h);
  }
  const common = JSON.stringify({
    format: PUBLICATION_FORMAT,
    rules: RULES_VERSION,
    values: rules,
    zone: o.timeZone,
    key: createHash("sha256").update(o.pseudonymKey).digest("hex"),
    city: city(),
  });
  const fingerprints: Record<string, string> = {};
  for (const d of INCREMENTAL_DATASETS) {
    const h = createHash("sha256").update(common);
    for (const t of REFERENCES[d]) h.update(`\u0000${t}:${hashes.get(t)}`);
    fingerprints[d] = h.digest("hex");
  }
  const [{ id }] = await queryRows<{ id: string | null }>(tx, sql`select max(id)::text as id from publish_changes`);
  return { fingerprints, through: Number(id ?? 0) };
}

type Previous = { asOf: Date; fingerprint: string | null; runId: number };

/** The served publication of each dataset: its reference time and the fingerprint it was built under. */
async function previous(tx: DbOrTx): Promise<Map<string, Previous>> {
  const rows = await queryRows<{ dataset: string; as_of: string | Date; fp: string | null; run_id: number }>(
    tx,
    sql`select d.dataset, d.as_of, r.fingerprints ->> d.dataset as fp, d.run_id
      from pub_datasets d left join publication_runs r on r.id = d.run_id and r.status = 'succeeded'`,
  );
  return new Map(rows.map((r) => [r.dataset, { asOf: new Date(r.as_of), fingerprint: r.fp, runId: Number(r.run_id) }]));
}

/** Each dataset's event time (the published local date) and the instant its publication delay runs from. */
type Clock = { table: string; at: SQL; ended: SQL; delays: (keyof typeof rules.delayHours)[] };
const CLOCKS: Record<IncrementalDataset, Clock> = {
  drones: {
    table: "drone_flights",
    at: sql`launched_at`,
    ended: sql`landed_at`,
    delays: ["droneFlights", "droneFlightsSensitive"],
  },
  cameras: { table: "camera_access_events", at: sql`started_at`, ended: sql`ended_at`, delays: ["cameraAccess"] },
  alpr: { table: "alpr_searches", at: sql`searched_at`, ended: sql`searched_at`, delays: ["alprSearches"] },
  cso: {
    table: "cso_activities",
    at: sql`received_at`,
    ended: endedAtSql(sql`cso_activities`),
    delays: ["csoActivities"],
  },
};

/**
 * The annual reports count every dataset's records by the camera-access delay (sensitive flights by
 * their own), from the event time for plate-reader searches and CSO calls (server/publish/annual-counts.ts).
 */
const ANNUAL_CLOCKS: Record<IncrementalDataset, Clock> = {
  drones: { ...CLOCKS.drones, delays: ["cameraAccess", "droneFlightsSensitive"] },
  cameras: { ...CLOCKS.cameras, delays: ["cameraAccess"] },
  alpr: { ...CLOCKS.alpr, delays: ["cameraAccess"] },
  cso: { ...CLOCKS.cso, ended: sql`received_at`, delays: ["cameraAccess"] },
};
export const ANNUAL_REPORTS = "annual-reports";

const HOUR = 3600_000;

/**
 * Each chosen dataset's scope for a publication at `asOf` with `state` (read in the publication's
 * own snapshot, so the change rows and the records agree).
 */
export async function planScopes(
  tx: DbOrTx,
  o: { datasets: string[]; asOf: Date; timeZone: string; full?: boolean },
  state: PublicationState,
): Promise<Record<string, Scope>> {
  const scopes: Record<string, Scope> = {};
  const wanted = o.datasets.filter(isIncremental);
  const before = await previous(tx);
  const changes = await queryRows<{ dataset: string; hour: string | Date | null }>(
    tx,
    sql`select distinct dataset, hour from publish_changes where id <= ${state.through}`,
  );
  const hoursOf = (d: string) => changes.filter((c) => c.dataset === d);
  const tz = o.timeZone;
  const datesOfHours = (rows: { hour: string | Date | null }[], marginMs = 0) =>
    unionDays(
      ...rows.map((r) => {
        const h = new Date(r.hour!).getTime();
        return localDatesBetween(new Date(h - marginMs), new Date(h + HOUR - 1 + marginMs), tz);
      }),
    );
  for (const d of o.datasets) if (!isIncremental(d)) scopes[d] = FULL("rebuilt every time");
  const seen: Crossed[] = [];
  for (const d of wanted) {
    const prev = before.get(d);
    if (o.full) scopes[d] = FULL("asked for");
    else if (!prev || !prev.fingerprint) scopes[d] = FULL("no earlier publication to build on");
    else if (prev.fingerprint !== state.fingerprints[d])
      scopes[d] = FULL("the reference tables, rules, keys or city configuration changed");
    else if (hoursOf(d).some((c) => c.hour === null) || (d === "drones" && hoursOf("cso").some((c) => c.hour === null)))
      scopes[d] = FULL("a raw table was emptied");
    else {
      // Drones: a sensitive flight or CSO call keeps every published path clear of its scene for
      // rules.pathSensitiveExclusion.hours either side, so a change there reaches the flights around it.
      const around = rules.pathSensitiveExclusion.hours * HOUR;
      const changed =
        d === "drones"
          ? unionDays(datesOfHours(hoursOf("drones"), around), datesOfHours(hoursOf("cso"), around))
          : datesOfHours(hoursOf(d));
      const days = unionDays(changed, await crossedDelay(tx, CLOCKS[d], prev.asOf, o.asOf, tz, seen));
      scopes[d] =
        days.length > MAX_INCREMENTAL_DAYS
          ? FULL(`${days.length} dates changed (more than ${MAX_INCREMENTAL_DAYS})`)
          : { full: false, days };
    }
  }
  if (o.datasets.includes(ANNUAL_REPORTS)) {
    const prev = before.get(ANNUAL_REPORTS);
    const why = o.full
      ? "asked for"
      : annualRebuild(prev, before, state, (d) => hoursOf(d).some((c) => c.hour === null));
    if (why) scopes[ANNUAL_REPORTS] = FULL(why);
    else if (!(await queryRows(tx, sql`select 1 from publish_part_annual_counts limit 1`)).length)
      scopes[ANNUAL_REPORTS] = FULL("no partial counts to build on");
    else {
      // Every dataset's changed dates, and those of the records that crossed the reports' delays.
      const crossed = [];
      for (const d of INCREMENTAL_DATASETS)
        crossed.push(await crossedDelay(tx, ANNUAL_CLOCKS[d], prev!.asOf, o.asOf, tz, seen));
      const days = unionDays(...INCREMENTAL_DATASETS.map((d) => datesOfHours(hoursOf(d))), ...crossed);
      scopes[ANNUAL_REPORTS] =
        days.length > MAX_INCREMENTAL_DAYS
          ? FULL(`${days.length} dates changed (more than ${MAX_INCREMENTAL_DAYS})`)
          : { full: false, days };
    }
  }
  return scopes;
}

/**
 * Why the annual reports' partial counts must be rebuilt, or null: they are rewritten by date only
 * when every dataset they count was last published by the same run as they were (so the change log
 * still holds every change since), under the same fingerprint, and no raw table was emptied since.
 */
function annualRebuild(
  prev: Previous | undefined,
  before: Map<string, Previous>,
  state: PublicationState,
  emptied: (d: IncrementalDataset) => boolean,
): string | null {
  if (!prev) return "no earlier publication to build on";
  for (const d of INCREMENTAL_DATASETS) {
    const p = before.get(d);
    if (!p || p.runId !== prev.runId) return `${d} was published without them since`;
    if (p.fingerprint !== state.fingerprints[d])
      return "the reference tables, rules, keys or city configuration changed";
    if (emptied(d)) return "a raw table was emptied";
  }
  return null;
}

/** What crossedDelay found in one planning: the table, its end instant, the windows and their dates. */
type Crossed = { table: string; ended: SQL; windows: string[]; days: string[] };

/**
 * Local dates of the records whose publication delay ended between the two reference times (either
 * way round). Where `seen` already holds a scan of the same table and end instant over these windows
 * and maybe more, its dates are returned (a few dates more are only rewritten again): the end
 * instants have no index, so the annual reports' clocks reuse the datasets' scans.
 */
async function crossedDelay(
  tx: DbOrTx,
  c: Clock,
  from: Date,
  to: Date,
  tz: string,
  seen: Crossed[] = [],
): Promise<string[]> {
  if (from.getTime() === to.getTime()) return [];
  const bounds = c.delays.map((k) => {
    const a = publicationCutoff(from, rules.delayHours[k]).toISOString();
    const b = publicationCutoff(to, rules.delayHours[k]).toISOString();
    return a < b ? [a, b] : [b, a];
  });
  const keys = bounds.map(([lo, hi]) => `${lo}/${hi}`);
  const done = seen.find((x) => x.table === c.table && x.ended === c.ended && keys.every((k) => x.windows.includes(k)));
  if (done) return done.days;
  const windows = bounds.map(([lo, hi]) => sql`(${c.ended} > ${lo}::timestamptz and ${c.ended} <= ${hi}::timestamptz)`);
  const rows = await queryRows<{ d: string }>(
    tx,
    sql`select distinct to_char((${c.at} at time zone ${tz})::date, 'YYYY-MM-DD') as d
      from ${sql.identifier(c.table)} where ${sql.join(windows, sql` or `)}`,
  );
  const days = rows.map((r) => r.d).sort();
  seen.push({ table: c.table, ended: c.ended, windows: keys, days });
  return days;
}

/**
 * Removes the change rows a committed publication has seen, inside its transaction. CSO rows also
 * tell the drone publisher about sensitive scenes, so they stay until drones have seen them too.
 */
export async function consumeChanges(tx: DbOrTx, datasets: string[], through: number): Promise<void> {
  const done = datasets.filter(isIncremental).filter((d) => d !== "cso" || datasets.includes("drones"));
  if (done.length === 0) return;
  await tx.execute(
    sql`delete from publish_changes where id <= ${through} and dataset = any(${`{${done.join(",")}}`}::text[])`,
  );
}

/** One line per dataset for the run's record: "full (why)" or the number of dates rewritten. */
export function describeScopes(scopes: Record<string, Scope>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(scopes).map(([d, s]) => [d, s.full ? `full (${s.why})` : `${s.days.length} dates`]),
  );
}
