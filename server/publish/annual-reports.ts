import "server-only";
// Annual surveillance reports: for each program and calendar year, the figures the ordinances ask
// for, counted from the raw records up to the publication cutoff and suppressed (k = 11 with
// complementary suppression) by lib/reports/annual.ts. Only counts, controlled vocabularies,
// agency names (already public in the sharing list) and staff-written public text leave here.
import { sql, type SQL } from "drizzle-orm";
import { FINDING_OUTCOME_LABELS, FINDING_OUTCOMES } from "../../lib/vocab";
import { pubAnnualReports } from "../../db/schema";
import { queryRows } from "../../db/sql";
import type { DbOrTx } from "../../db/client";
import { ACCESS_REASON_LABELS, ALPR_REASON_LABELS, labelOf } from "../../lib/cameras/vocab";
import {
  areaActivity,
  costTotals,
  countTable,
  fiscalYearCovers,
  medianDays,
  pubCount,
  sumOfRows,
  type AnnualReportData,
  type CountTable,
} from "../../lib/reports/annual";
import { recordDataset } from "./dataset";
import { alprReasonSql } from "./alpr-searches";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { localDate } from "../../lib/time";
import type { Publisher } from "./types";

/**
 * One pass over a program's raw records for all of a report window's years, shared by the programs
 * that count the same records (the two camera programs).
 */
type Scan = {
  /**
   * The events counted, grouped: y (local year), key and label (purpose), area_id, agency (shared
   * with, or null), wc (by a watch-center operator), n_uses (events counted as uses) and n_area
   * (counted by area), for instants from `since` to `until`; scanCounts keeps the window's years.
   * The local year is the pass's one conversion to the time zone per event, computed under
   * `offset 0` so that the planner groups the few rows by hashing rather than sorting them all.
   */
  yearly: (w: Window) => SQL;
  firstDay: SQL;
};
type Source = {
  unit: string;
  scan: Scan;
  /** Which of the scan's rows are this program's (all when absent). */
  only?: SQL;
  reviewType: "drone_flight" | "camera_access" | "alpr_search" | null;
  /** Whether the report has a table of records shared, by agency. */
  shares: boolean;
  labels?: Record<string, string>;
};
/**
 * The local dates from `from` (1 January of `first`) to `to` (31 December of `last`); `since` and
 * `until` bound their instants.
 */
type Window = {
  first: number;
  last: number;
  from: string;
  to: string;
  since: string;
  until: string;
  tz: string;
  cutoff: string;
  sensitiveCutoff: string;
};

const DAY_MS = 86_400_000;
/**
 * The calendar years `first` to `last`. A local date is never more than 14 hours from the UTC one,
 * so its instants lie within a day of the UTC dates' bounds: `since` and `until` narrow a scan (on
 * an index of the raw instant, which the planner can also estimate), and the local date decides.
 */
function window(base: { tz: string; cutoff: string; sensitiveCutoff: string }, first: number, last: number): Window {
  return {
    ...base,
    first,
    last,
    from: `${first}-01-01`,
    to: `${last}-12-31`,
    since: new Date(Date.UTC(first, 0, 1) - DAY_MS).toISOString(),
    until: new Date(Date.UTC(last + 1, 0, 1) + DAY_MS).toISOString(),
  };
}

/** The instant lies within a day of the window's dates (see window). */
const near = (col: SQL, w: Window) => sql`${col} >= ${w.since}::timestamptz and ${col} < ${w.until}::timestamptz`;
/** The instant's local date is in the window. */
const day = (col: SQL, w: Window) =>
  sql`${near(col, w)} and (${col} at time zone ${w.tz})::date between ${w.from}::date and ${w.to}::date`;
/** The instant's local calendar year (its local date's year: in the window exactly when the date is). */
const yearOf = (col: SQL, w: Window) => sql`extract(year from ${col} at time zone ${w.tz})::int`;

// Flights and calls without a known call type count by area but not by purpose (the purposes are
// the call types joined), hence the left joins and count(key).
const droneScan: Scan = {
  yearly: (
    w,
  ) => sql`select y, key, label, area_id, null::text as agency, false as wc, count(key) as n_uses, count(*) as n_area
    from (select ${yearOf(sql`f.launched_at`, w)} as y, c.code as key, c.label, f.area_id
      from drone_flights f left join call_categories c on c.code = f.category
      where ${near(sql`f.launched_at`, w)}
        and f.landed_at <= case when f.sensitive then ${w.sensitiveCutoff}::timestamptz else ${w.cutoff}::timestamptz end
      offset 0) x
    group by 1, 2, 3, 4`,
  firstDay: sql`select min(launched_at) as first from drone_flights`,
};
const drones: Source = { unit: "drone flights", scan: droneScan, reviewType: "drone_flight", shares: false };

const cameraScan: Scan = {
  yearly: (
    w,
  ) => sql`select y, reason::text as key, reason::text as label, area_id, agency, wc, count(*) as n_uses, count(*) as n_area
    from (select ${yearOf(sql`e.started_at`, w)} as y, e.reason_code as reason, c.area_id, ag.name as agency,
        e.user_role = 'watch_center_operator' as wc
      from camera_access_events e join cameras c on c.id = e.camera_id
        left join agencies ag on ag.id = e.shared_with_agency_id
      where c.kind <> 'plate_reader' and ${near(sql`e.started_at`, w)} and e.ended_at <= ${w.cutoff}::timestamptz
      offset 0) x
    group by y, reason, area_id, agency, wc`,
  firstDay: sql`select min(started_at) as first from camera_access_events`,
};
function cameraSource(watchCenterOnly: boolean): Source {
  return {
    unit: watchCenterOnly ? "camera accesses by watch-center operators" : "camera accesses",
    scan: cameraScan,
    only: watchCenterOnly ? sql`wc` : undefined,
    reviewType: "camera_access",
    shares: true,
    labels: ACCESS_REASON_LABELS,
  };
}

const purpose = alprReasonSql(sql`s.category`, sql`coalesce(cc.sensitive, false)`);
// Searches have no place; detections do (the camera's area), so the civil-rights section counts
// detections: of dates the publication has passed (the daily counts are by local date already).
const plateReaderScan: Scan = {
  yearly: (w) => sql`select y, key, key as label, null::int as area_id, null::text as agency, false as wc,
      count(*) as n_uses, 0::bigint as n_area
    from (select ${yearOf(sql`s.searched_at`, w)} as y, ${purpose} as key
      from alpr_searches s left join call_categories cc on cc.code = s.category
      where ${near(sql`s.searched_at`, w)} and s.searched_at <= ${w.cutoff}::timestamptz
      offset 0) x
    group by 1, 2
    union all
    select extract(year from d.day)::int, null, null, c.area_id, null, false, 0, sum(d.detections)
    from alpr_daily_counts d join cameras c on c.id = d.camera_id
    where d.day between ${w.from}::date and ${w.to}::date and d.day < (${w.cutoff}::timestamptz at time zone ${w.tz})::date
    group by 1, 4`,
  firstDay: sql`select min(searched_at) as first from alpr_searches`,
};
const plateReaders: Source = {
  unit: "plate-reader searches",
  scan: plateReaderScan,
  reviewType: "alpr_search",
  shares: false,
  labels: ALPR_REASON_LABELS,
};

const csoScan: Scan = {
  yearly: (
    w,
  ) => sql`select y, key, label, area_id, null::text as agency, false as wc, count(key) as n_uses, count(*) as n_area
    from (select ${yearOf(sql`a.received_at`, w)} as y, c.code as key, c.label, a.area_id
      from cso_activities a left join call_categories c on c.code = a.category
      where ${near(sql`a.received_at`, w)} and a.received_at <= ${w.cutoff}::timestamptz
      offset 0) x
    group by 1, 2, 3, 4`,
  firstDay: sql`select min(received_at) as first from cso_activities`,
};
const cso: Source = { unit: "Community Safety Officer calls", scan: csoScan, reviewType: null, shares: false };

const SCANS = [droneScan, cameraScan, plateReaderScan, csoScan];
const SOURCES: Record<string, Source> = {
  drones,
  fixed_cameras: cameraSource(false),
  watch_center: cameraSource(true),
  plate_readers: plateReaders,
  cso,
};
const AREA_UNIT: Record<string, string> = { plate_readers: "plate detections" };
const SHARING_PROGRAMS: Record<string, string[]> = { plate_readers: ["plate_readers", "alpr"] };

const FEEDBACK_LABELS: Record<string, string> = { feedback: "Comments", complaint: "Complaints" };
const STATUS_LABELS: Record<string, string> = {
  new: "not yet reviewed",
  triaged: "triaged",
  in_progress: "in progress",
  resolved: "resolved",
  dismissed: "dismissed",
};
const OUTCOME_LABELS: Record<string, string> = {
  open: "Still open",
  ...Object.fromEntries(FINDING_OUTCOMES.map((o) => [o, `Closed: ${FINDING_OUTCOME_LABELS[o].toLowerCase()}`])),
};
const RECORDS_LABELS: Record<string, string> = {
  pending: "Still open",
  fulfilled: "Fulfilled",
  partially_fulfilled: "Partly fulfilled",
  no_records: "No records found",
  denied: "Denied",
};

type Built = { rows: (typeof pubAnnualReports.$inferInsert)[]; suppressed: number; programs: number };

export const annualReportsPublisher: Publisher = {
  name: "annual-reports",
  // Counted in a build (beside the other datasets' on a Postgres server; on the embedded database
  // outside the transaction that swaps the publication in, which then only writes the rows).
  async build(ctx): Promise<Built> {
    const tz = ctx.timeZone;
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.cameraAccess);
    const w0 = {
      tz,
      cutoff: cutoff.toISOString(),
      sensitiveCutoff: publicationCutoff(ctx.asOf, ctx.rules.delayHours.droneFlightsSensitive).toISOString(),
    };
    const programs = await queryRows<{ id: number; slug: string; name: string }>(
      ctx.tx,
      sql`select id, slug::text as slug, name from programs order by id`,
    );
    const areas = await queryRows<{ id: number; slug: string; name: string; population: number }>(
      ctx.tx,
      sql`select id, slug, name, population from areas order by name`,
    );
    const lastYear = Number(localDate(cutoff, tz).slice(0, 4));
    const rows: (typeof pubAnnualReports.$inferInsert)[] = [];
    let suppressed = 0;
    // Programs reading the same records share one pass over them (scanCounts), started by the first.
    const scans = new Map<string, Map<string, Map<number, YearCounts>>>();
    for (const p of programs) {
      const src = SOURCES[p.slug];
      if (!src) continue;
      const [first] = await queryRows<{ first: string | Date | null }>(ctx.tx, src.scan.firstDay);
      const firstYear = Math.min(
        first?.first ? Number(localDate(new Date(first.first), tz).slice(0, 4)) : lastYear,
        lastYear,
      );
      const all = window(w0, firstYear, lastYear);
      const scanKey = `${SCANS.indexOf(src.scan)}:${firstYear}`;
      let byProgram = scans.get(scanKey);
      if (!byProgram) {
        const readers = programs.filter((q) => SOURCES[q.slug]?.scan === src.scan).map((q) => q.slug);
        byProgram = await scanCounts(ctx.tx, src.scan, readers, all);
        scans.set(scanKey, byProgram);
      }
      const counts = byProgram.get(p.slug);
      for (let year = firstYear; year <= lastYear; year++) {
        const w = window(w0, year, year);
        const data = await buildReport(ctx.tx, p, year, w, src, areas, counts?.get(year) ?? NO_COUNTS);
        suppressed += countSuppressed(data);
        rows.push({ program: p.slug, year, periodStart: w.from, periodEnd: w.to, cutoff, data });
      }
    }
    return { rows, suppressed, programs: programs.length };
  },
  async run(ctx) {
    const { rows, suppressed, programs } = ctx.built as Built;
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
    await ctx.tx.delete(pubAnnualReports);
    if (rows.length) await ctx.tx.insert(pubAnnualReports).values(rows);
    await recordDataset(ctx, "annual-reports", ctx.rules.delayHours.cameraAccess, rows.length);
    return {
      sourceCounts: { programs },
      publishedCounts: { pub_annual_reports: rows.length },
      cellsSuppressed: suppressed,
    };
  },
};

type KeyCount = { key: string; label: string; n: number };
/** One year's counts from the raw records: uses by purpose (in published order), by area, shared. */
type YearCounts = { uses: KeyCount[]; byArea: Map<number | null, number>; shared: KeyCount[] };
const NO_COUNTS: YearCounts = { uses: [], byArea: new Map(), shared: [] };

/**
 * For each program reading the scan's records: its uses by purpose, counts by area and records
 * shared by agency, for every year of the window, from one pass over the raw records (Scan.yearly);
 * each table in its published order (count descending, then key).
 */
async function scanCounts(
  tx: DbOrTx,
  scan: Scan,
  programs: string[],
  w: Window,
): Promise<Map<string, Map<number, YearCounts>>> {
  const parts = programs.flatMap((slug) => {
    const src = SOURCES[slug];
    const mine = src.only ? sql`and ${src.only}` : sql``;
    return [
      sql`select ${slug}::text as program, 'uses'::text as part, y, key, label, null::int as area_id, sum(n_uses)::int as n
        from inside where true ${mine} group by y, key, label having sum(n_uses) > 0`,
      sql`select ${slug}, 'areas', y, null, null, area_id, sum(n_area)::int from inside where true ${mine} group by y, area_id`,
      ...(src.shares
        ? [
            sql`select ${slug}, 'shared', y, agency, agency, null, sum(n_uses)::int from inside
              where agency is not null ${mine} group by y, agency having sum(n_uses) > 0`,
          ]
        : []),
    ];
  });
  const rows = await queryRows<{
    program: string;
    part: "uses" | "areas" | "shared";
    y: number;
    key: string;
    label: string;
    area_id: number | null;
    n: number;
  }>(
    tx,
    sql`with yearly as materialized (${scan.yearly(w)}),
      inside as (select * from yearly where y between ${w.first}::int and ${w.last}::int)
    ${sql.join(parts, sql` union all `)}
    order by 1, 2, 3, 7 desc, 4`,
  );
  const out = new Map<string, Map<number, YearCounts>>();
  for (const r of rows) {
    let years = out.get(r.program);
    if (!years) out.set(r.program, (years = new Map<number, YearCounts>()));
    const year = Number(r.y);
    let c = years.get(year);
    if (!c) years.set(year, (c = { uses: [], byArea: new Map(), shared: [] }));
    const labels = SOURCES[r.program].labels;
    if (r.part === "areas") c.byArea.set(r.area_id, Number(r.n));
    else if (r.part === "shared") c.shared.push({ key: r.key, label: r.label, n: r.n });
    else c.uses.push({ key: r.key, label: labels ? labelOf(labels, r.key) : r.label, n: r.n });
  }
  return out;
}

async function buildReport(
  tx: DbOrTx,
  p: { id: number; slug: string; name: string },
  year: number,
  w: Window,
  src: Source,
  areas: { id: number; slug: string; name: string; population: number }[],
  counts: YearCounts,
): Promise<AnnualReportData> {
  const rowsOf = (q: SQL) => queryRows<KeyCount>(tx, q);
  const { uses, byArea } = counts;
  const sharingPrograms = SHARING_PROGRAMS[p.slug] ?? [p.slug];
  const agreements = await queryRows<{
    agency: string;
    direction: string;
    data_shared: string;
    started_on: string;
    ended_on: string | null;
  }>(
    tx,
    sql`select ag.name as agency, s.direction::text as direction, s.data_shared, s.started_on::text as started_on, s.ended_on::text as ended_on
      from sharing_agreements s join agencies ag on ag.id = s.agency_id
      where s.program::text in (${sql.join(
        sharingPrograms.map((x) => sql`${x}`),
        sql`, `,
      )})
        and s.started_on <= ${w.to}::date and (s.ended_on is null or s.ended_on >= ${w.from}::date)
      order by ag.name`,
  );
  const shared = src.shares ? countTable(counts.shared) : null;

  const feedbackRows = await rowsOf(
    sql`select kind::text || ':' || status::text as key, '' as label, count(*)::int as n from feedback
      where program_id = ${p.id} and ${day(sql`created_at`, w)} group by 1 order by 1`,
  );
  const outcomes = await queryRows<{ outcome: string }>(
    tx,
    sql`select outcome from feedback where program_id = ${p.id} and kind = 'complaint' and status = 'resolved'
      and outcome is not null and ${day(sql`resolved_at`, w)} order by resolved_at desc limit 20`,
  );

  const rt = src.reviewType;
  const audits = rt
    ? await queryRows<{ flagged: number; reviewed: number }>(
        tx,
        sql`select
          (select count(distinct record_id)::int from anomaly_flags where record_type = ${rt} and ${day(sql`occurred_at`, w)}) as flagged,
          (select count(distinct record_id)::int from review_actions where record_type = ${rt} and action = 'reviewed' and ${day(sql`at`, w)}) as reviewed`,
      )
    : [{ flagged: 0, reviewed: 0 }];
  const findingRows = rt
    ? await rowsOf(
        sql`select coalesce(outcome::text, 'open') as key, '' as label, count(*)::int as n from findings
          where record_type = ${rt} and ${day(sql`opened_at`, w)} group by 1 order by 1`,
      )
    : [];
  const findingsByOutcome = countTable(findingRows.map((r) => ({ ...r, label: OUTCOME_LABELS[r.key] ?? r.key })));

  const budget = await queryRows<{
    name: string;
    fiscal_year: string;
    funding_source: string;
    status: string;
    approved: number;
    actual: number | null;
  }>(
    tx,
    sql`select name, fiscal_year, funding_source, status::text as status, approved_amount_cents::float8 as approved,
      actual_cost_cents::float8 as actual from budget_items where program_id = ${p.id} order by fiscal_year, name`,
  );
  const costs = costTotals(
    budget
      .filter((b) => fiscalYearCovers(b.fiscal_year, year))
      .map((b) => ({
        name: b.name,
        fiscalYear: b.fiscal_year,
        fundingSource: b.funding_source,
        status: b.status,
        approvedCents: Number(b.approved),
        actualCents: b.actual === null ? null : Number(b.actual),
      })),
  );

  const requests = await queryRows<{ outcome: string; days: number | null }>(
    tx,
    sql`select outcome::text as outcome, (closed_on - received_on)::int as days from records_requests
      where program_id = ${p.id} and received_on between ${w.from}::date and ${w.to}::date`,
  );
  const reqCounts = new Map<string, number>();
  for (const r of requests) reqCounts.set(r.outcome, (reqCounts.get(r.outcome) ?? 0) + 1);

  const activity = areaActivity(
    areas.map((a) => ({ slug: a.slug, name: a.name, population: a.population, n: byArea.get(a.id) ?? 0 })),
  );
  return {
    program: p.slug,
    programName: p.name,
    year,
    periodStart: w.from,
    periodEnd: w.to,
    uses: { unit: src.unit, byPurpose: countTable(uses) },
    sharing: { agreements: agreements.map(toAgreement), sharedRecords: shared },
    complaints: {
      byKindAndStatus: countTable(
        feedbackRows.map((r) => {
          const [kind, status] = r.key.split(":");
          return { ...r, label: `${FEEDBACK_LABELS[kind] ?? kind}: ${STATUS_LABELS[status] ?? status}` };
        }),
      ),
      outcomes: outcomes.map((o) => o.outcome),
    },
    audits: {
      flaggedRecords: pubCount(Number(audits[0].flagged)),
      reviewedRecords: pubCount(Number(audits[0].reviewed)),
      findingsByOutcome,
      violations: sumOfRows(findingsByOutcome, ["policy_violation_training", "policy_violation_discipline"]),
    },
    costs,
    recordsRequests: {
      byOutcome: countTable(
        Object.keys(RECORDS_LABELS)
          .filter((k) => reqCounts.has(k))
          .map((k) => ({ key: k, label: RECORDS_LABELS[k], n: reqCounts.get(k)! })),
      ),
      medianDaysToClose: medianDays(requests.flatMap((r) => (r.days === null ? [] : [Number(r.days)]))),
    },
    civilRights: { unit: AREA_UNIT[p.slug] ?? src.unit, ...activity },
  };
}

function toAgreement(a: {
  agency: string;
  direction: string;
  data_shared: string;
  started_on: string;
  ended_on: string | null;
}) {
  return {
    agency: a.agency,
    direction: a.direction,
    dataShared: a.data_shared,
    startedOn: a.started_on,
    endedOn: a.ended_on,
  };
}

function countSuppressed(d: AnnualReportData): number {
  const tables: (CountTable | null)[] = [
    d.uses.byPurpose,
    d.sharing.sharedRecords,
    d.complaints.byKindAndStatus,
    d.audits.findingsByOutcome,
    d.recordsRequests.byOutcome,
  ];
  let n = tables.reduce((s, t) => s + (t ? t.rows.filter((r) => r.suppressed).length : 0), 0);
  n += d.civilRights.byArea.filter((a) => a.count.suppressed).length;
  return n;
}
