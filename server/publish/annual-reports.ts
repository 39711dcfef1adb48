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
import {
  countPartials,
  FIRST_RECORD,
  writePartials,
  yearlyCounts,
  type AnnualSource,
  type Clock,
  type PartialRow,
  type YearlyRow,
} from "./annual-counts";
import type { Scope } from "../../lib/publish/incremental";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { localDate } from "../../lib/time";
import type { Publisher } from "./types";

type Source = {
  unit: string;
  /** The raw records counted (publish_part_annual_counts' source). */
  counts: AnnualSource;
  /** Only the watch-center operators' records of the source. */
  watchCenterOnly?: boolean;
  reviewType: "drone_flight" | "camera_access" | "alpr_search" | null;
  /** Whether the report has a table of records shared, by agency. */
  shares: boolean;
  labels?: Record<string, string>;
};
/**
 * The local dates from `from` (1 January of `first`) to `to` (31 December of `last`); `since` and
 * `until` bound their instants.
 */
type Window = { first: number; last: number; from: string; to: string; since: string; until: string; tz: string };

const DAY_MS = 86_400_000;
/**
 * The calendar years `first` to `last`. A local date is never more than 14 hours from the UTC one,
 * so its instants lie within a day of the UTC dates' bounds: `since` and `until` narrow a scan (on
 * an index of the raw instant, which the planner can also estimate), and the local date decides.
 */
function window(tz: string, first: number, last: number): Window {
  return {
    tz,
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

const drones: Source = { unit: "drone flights", counts: "drones", reviewType: "drone_flight", shares: false };
function cameraSource(watchCenterOnly: boolean): Source {
  return {
    unit: watchCenterOnly ? "camera accesses by watch-center operators" : "camera accesses",
    counts: "cameras",
    watchCenterOnly,
    reviewType: "camera_access",
    shares: true,
    labels: ACCESS_REASON_LABELS,
  };
}
// Searches have no place; detections do (the camera's area), so the civil-rights section counts
// detections (yearlyCounts).
const plateReaders: Source = {
  unit: "plate-reader searches",
  counts: "alpr",
  reviewType: "alpr_search",
  shares: false,
  labels: ALPR_REASON_LABELS,
};
const cso: Source = { unit: "Community Safety Officer calls", counts: "cso", reviewType: null, shares: false };

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

type Built = {
  rows: (typeof pubAnnualReports.$inferInsert)[];
  suppressed: number;
  programs: number;
  /** The scope the partial counts were counted for, and (incremental) its dates' counts to write. */
  scope: Scope;
  fresh: PartialRow[] | null;
  partRows: number;
};

export const annualReportsPublisher: Publisher = {
  name: "annual-reports",
  // Counted in a build (beside the other datasets' on a Postgres server; on the embedded database
  // outside the transaction that swaps the publication in, which then only writes the rows). The
  // partial counts of the scope's dates are counted here too; run puts them in place.
  async build(ctx): Promise<Built> {
    const tz = ctx.timeZone;
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.cameraAccess);
    const clock: Clock = {
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
    const partials = await countPartials(ctx.tx, ctx.shadow, clock, ctx.scope);
    const readers = programs.flatMap((p) => {
      const src = SOURCES[p.slug];
      return src ? [{ program: p.slug, source: src.counts, watchCenterOnly: !!src.watchCenterOnly }] : [];
    });
    const counts = byProgramAndYear(await yearlyCounts(ctx.tx, partials.all, readers, clock));
    const rows: (typeof pubAnnualReports.$inferInsert)[] = [];
    let suppressed = 0;
    const firstYears = new Map<AnnualSource, number>();
    for (const p of programs) {
      const src = SOURCES[p.slug];
      if (!src) continue;
      let firstYear = firstYears.get(src.counts);
      if (firstYear === undefined) {
        const [first] = await queryRows<{ first: string | Date | null }>(ctx.tx, FIRST_RECORD[src.counts]);
        firstYear = Math.min(
          first?.first ? Number(localDate(new Date(first.first), tz).slice(0, 4)) : lastYear,
          lastYear,
        );
        firstYears.set(src.counts, firstYear);
      }
      for (let year = firstYear; year <= lastYear; year++) {
        const w = window(tz, year, year);
        const data = await buildReport(ctx.tx, p, year, w, src, areas, counts.get(p.slug)?.get(year) ?? NO_COUNTS);
        suppressed += countSuppressed(data);
        rows.push({ program: p.slug, year, periodStart: w.from, periodEnd: w.to, cutoff, data });
      }
    }
    return {
      rows,
      suppressed,
      programs: programs.length,
      scope: ctx.scope,
      fresh: partials.fresh,
      partRows: partials.rows,
    };
  },
  async run(ctx) {
    const { rows, suppressed, programs, scope, fresh, partRows } = ctx.built as Built;
    await writePartials(ctx.shadow, scope, fresh, partRows);
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

/** yearlyCounts' rows by program and year, each table keeping their published order. */
function byProgramAndYear(rows: YearlyRow[]): Map<string, Map<number, YearCounts>> {
  const out = new Map<string, Map<number, YearCounts>>();
  for (const r of rows) {
    let years = out.get(r.program);
    if (!years) out.set(r.program, (years = new Map<number, YearCounts>()));
    const year = Number(r.y);
    let c = years.get(year);
    if (!c) years.set(year, (c = { uses: [], byArea: new Map(), shared: [] }));
    const labels = SOURCES[r.program].labels;
    const n = Number(r.n);
    if (r.part === "areas") c.byArea.set(r.key === null ? null : Number(r.key), n);
    else if (r.part === "shared") c.shared.push({ key: r.key!, label: r.label!, n });
    else c.uses.push({ key: r.key!, label: labels ? labelOf(labels, r.key!) : r.label!, n });
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
