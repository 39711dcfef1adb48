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

type Source = {
  unit: string;
  /** key, label, n by purpose; and n by area id; for events in [from, to] local dates. */
  uses: (w: Window) => SQL;
  areas: (w: Window) => SQL;
  firstDay: SQL;
  reviewType: "drone_flight" | "camera_access" | "alpr_search" | null;
  sharedRecords?: (w: Window) => SQL;
  labels?: Record<string, string>;
};
type Window = { from: string; to: string; tz: string; cutoff: string; sensitiveCutoff: string };

const day = (col: SQL, w: Window) => sql`(${col} at time zone ${w.tz})::date between ${w.from}::date and ${w.to}::date`;

const drones: Source = {
  unit: "drone flights",
  uses: (w) => sql`select c.code as key, c.label, count(*)::int as n from drone_flights f
    join call_categories c on c.code = f.category
    where ${day(sql`f.launched_at`, w)} and f.landed_at <= case when f.sensitive then ${w.sensitiveCutoff}::timestamptz else ${w.cutoff}::timestamptz end
    group by 1, 2 order by 3 desc, 1`,
  areas: (w) => sql`select f.area_id, count(*)::int as n from drone_flights f
    where ${day(sql`f.launched_at`, w)} and f.landed_at <= case when f.sensitive then ${w.sensitiveCutoff}::timestamptz else ${w.cutoff}::timestamptz end
    group by 1`,
  firstDay: sql`select min(launched_at) as first from drone_flights`,
  reviewType: "drone_flight",
};

function cameraSource(watchCenterOnly: boolean): Source {
  const who = watchCenterOnly ? sql`and e.user_role = 'watch_center_operator'` : sql``;
  const from = sql`from camera_access_events e join cameras c on c.id = e.camera_id`;
  const where = (w: Window) =>
    sql`where c.kind <> 'plate_reader' ${who} and ${day(sql`e.started_at`, w)} and e.ended_at <= ${w.cutoff}::timestamptz`;
  return {
    unit: watchCenterOnly ? "camera accesses by watch-center operators" : "camera accesses",
    uses: (w) =>
      sql`select e.reason_code::text as key, e.reason_code::text as label, count(*)::int as n ${from} ${where(w)} group by 1, 2 order by 3 desc, 1`,
    areas: (w) => sql`select c.area_id, count(*)::int as n ${from} ${where(w)} group by 1`,
    firstDay: sql`select min(started_at) as first from camera_access_events`,
    reviewType: "camera_access",
    sharedRecords: (w) => sql`select ag.name as key, ag.name as label, count(*)::int as n ${from}
      join agencies ag on ag.id = e.shared_with_agency_id ${where(w)} group by 1, 2 order by 3 desc, 1`,
    labels: ACCESS_REASON_LABELS,
  };
}

const purpose = alprReasonSql(sql`s.category`, sql`coalesce(cc.sensitive, false)`);
const plateReaders: Source = {
  unit: "plate-reader searches",
  uses: (w) => sql`select ${purpose} as key, ${purpose} as label, count(*)::int as n
    from alpr_searches s left join call_categories cc on cc.code = s.category where ${day(sql`s.searched_at`, w)} and s.searched_at <= ${w.cutoff}::timestamptz group by 1, 2 order by 3 desc, 1`,
  // Searches have no place; detections do (the camera's area), so the civil-rights section counts detections.
  areas: (
    w,
  ) => sql`select c.area_id, sum(d.detections)::int as n from alpr_daily_counts d join cameras c on c.id = d.camera_id
    where d.day between ${w.from}::date and ${w.to}::date and d.day < (${w.cutoff}::timestamptz at time zone ${w.tz})::date group by 1`,
  firstDay: sql`select min(searched_at) as first from alpr_searches`,
  reviewType: "alpr_search",
  labels: ALPR_REASON_LABELS,
};

const cso: Source = {
  unit: "Community Safety Officer calls",
  uses: (w) => sql`select c.code as key, c.label, count(*)::int as n from cso_activities a
    join call_categories c on c.code = a.category
    where ${day(sql`a.received_at`, w)} and a.received_at <= ${w.cutoff}::timestamptz group by 1, 2 order by 3 desc, 1`,
  areas: (w) => sql`select a.area_id, count(*)::int as n from cso_activities a
    where ${day(sql`a.received_at`, w)} and a.received_at <= ${w.cutoff}::timestamptz group by 1`,
  firstDay: sql`select min(received_at) as first from cso_activities`,
  reviewType: null,
};

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
    for (const p of programs) {
      const src = SOURCES[p.slug];
      if (!src) continue;
      const [first] = await queryRows<{ first: string | Date | null }>(ctx.tx, src.firstDay);
      const firstYear = first?.first ? Number(localDate(new Date(first.first), tz).slice(0, 4)) : lastYear;
      for (let year = Math.min(firstYear, lastYear); year <= lastYear; year++) {
        const w: Window = { ...w0, from: `${year}-01-01`, to: `${year}-12-31` };
        const data = await buildReport(ctx.tx, p, year, w, src, areas);
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

async function buildReport(
  tx: DbOrTx,
  p: { id: number; slug: string; name: string },
  year: number,
  w: Window,
  src: Source,
  areas: { id: number; slug: string; name: string; population: number }[],
): Promise<AnnualReportData> {
  const rowsOf = (q: SQL) => queryRows<{ key: string; label: string; n: number }>(tx, q);
  const uses = (await rowsOf(src.uses(w))).map((r) => ({
    ...r,
    label: src.labels ? labelOf(src.labels, r.key) : r.label,
  }));
  const byArea = new Map(
    (await queryRows<{ area_id: number | null; n: number }>(tx, src.areas(w))).map((r) => [r.area_id, Number(r.n)]),
  );
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
  const shared = src.sharedRecords ? countTable(await rowsOf(src.sharedRecords(w))) : null;

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
