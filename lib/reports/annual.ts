// The annual surveillance report (SF Admin Code 19B, Oakland 9.64, Seattle 14.18, the CCOPS model):
// its sections, and the pure arithmetic behind them. Counts are suppressed here with the
// publication rules (k = 11 with complementary suppression), so the published document never holds
// a count between 1 and 10 or a rate built on fewer than 11 events.
import { rules } from "../publish/rules";
import { suppressCount, type PubCount } from "../publish/rules/suppression";
import type { ReportSection } from "../vocab";

export const REPORT_SECTION_TITLES: Record<ReportSection, string> = {
  summary: "Summary",
  uses: "How the technology was used, by purpose",
  sharing: "Data sharing, by recipient",
  complaints: "Complaints and their outcomes",
  audits: "Audits, findings and violations",
  costs: "Costs and funding",
  effectiveness: "Effectiveness against the pilot's targets and baseline",
  records_requests: "Public records requests",
  civil_rights: "Civil rights and civil liberties: activity by area",
};

export type CountRow = { key: string; label: string; count: number | null; suppressed: boolean };
export type CountTable = { rows: CountRow[]; total: PubCount };

export type SharingAgreementRow = {
  agency: string;
  direction: string;
  dataShared: string;
  startedOn: string;
  endedOn: string | null;
};

export type BudgetLine = {
  name: string;
  fiscalYear: string;
  fundingSource: string;
  status: string;
  approvedCents: number;
  actualCents: number | null;
};

export type AreaActivity = {
  slug: string;
  name: string;
  population: number;
  count: PubCount;
  /** Events per 1,000 residents; null when built on fewer than 11 events or the area has no residents. */
  per1000: number | null;
};

export type AnnualReportData = {
  program: string;
  programName: string;
  year: number;
  periodStart: string;
  periodEnd: string;
  uses: { unit: string; byPurpose: CountTable };
  sharing: { agreements: SharingAgreementRow[]; sharedRecords: CountTable | null };
  complaints: { byKindAndStatus: CountTable; outcomes: string[] };
  audits: {
    flaggedRecords: PubCount;
    reviewedRecords: PubCount;
    findingsByOutcome: CountTable;
    /** Findings closed as a policy violation or referred for discipline. */
    violations: PubCount;
  };
  costs: {
    items: BudgetLine[];
    approvedCents: number;
    spentCents: number;
    byFunding: { source: string; approvedCents: number; spentCents: number }[];
  };
  recordsRequests: { byOutcome: CountTable; medianDaysToClose: number | null };
  civilRights: { unit: string; byArea: AreaActivity[]; areasTotal: PubCount };
};

/**
 * A one-column table of counts published with its total (k = 11). The total is kept whenever it is
 * 11 or more, because the same total is often public elsewhere (the report's uses total is the sum
 * of its areas): so when one row alone is hidden, the next-smallest non-zero row is hidden too,
 * and no hidden row can be recovered by subtracting the others from the total.
 */
export function countTable(rows: { key: string; label: string; n: number }[]): CountTable {
  const hidden = rows.map((r) => suppressCount(r.n).suppressed);
  if (hidden.filter(Boolean).length === 1) {
    const next = rows
      .map((r, i) => ({ n: r.n, i }))
      .filter((x) => !hidden[x.i] && x.n > 0)
      .sort((a, b) => a.n - b.n)[0];
    if (next) hidden[next.i] = true;
  }
  const total = rows.reduce((s, r) => s + r.n, 0);
  const totalCount = hidden.filter(Boolean).length === 1 ? { value: null, suppressed: true } : suppressCount(total);
  return {
    rows: rows.map((r, i) => ({
      key: r.key,
      label: r.label,
      count: hidden[i] ? null : r.n,
      suppressed: hidden[i],
    })),
    total: totalCount,
  };
}

/** The published sum of some rows of a table: suppressed when any of them is (else it gives a hidden cell away). */
export function sumOfRows(table: CountTable, keys: string[]): PubCount {
  const rows = table.rows.filter((r) => keys.includes(r.key));
  if (rows.some((r) => r.suppressed)) return { value: null, suppressed: true };
  return { value: rows.reduce((s, r) => s + (r.count ?? 0), 0), suppressed: false };
}

/** A single published count (k = 11). */
export const pubCount = (n: number): PubCount => suppressCount(n);

/** Does a fiscal year label ("FY2025-26", "FY 2026", "2025-2026") cover any of the calendar year? */
export function fiscalYearCovers(label: string, year: number): boolean {
  const m = /(\d{4})(?:\s*[-–/]\s*(\d{2,4}))?/.exec(label);
  if (!m) return false;
  const first = Number(m[1]);
  let last = first;
  if (m[2]) last = m[2].length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
  if (last < first) last += 100;
  return year >= first && year <= last;
}

/** Money by funding source: approved and spent (actual cost, or nothing yet). Cancelled items count for neither. */
export function costTotals(items: BudgetLine[]): AnnualReportData["costs"] {
  const live = items.filter((i) => i.status !== "cancelled");
  const by = new Map<string, { source: string; approvedCents: number; spentCents: number }>();
  for (const i of live) {
    const e = by.get(i.fundingSource) ?? { source: i.fundingSource, approvedCents: 0, spentCents: 0 };
    e.approvedCents += i.approvedCents;
    e.spentCents += i.actualCents ?? 0;
    by.set(i.fundingSource, e);
  }
  return {
    items,
    approvedCents: live.reduce((s, i) => s + i.approvedCents, 0),
    spentCents: live.reduce((s, i) => s + (i.actualCents ?? 0), 0),
    byFunding: [...by.values()].sort((a, b) => b.approvedCents - a.approvedCents || a.source.localeCompare(b.source)),
  };
}

/** Activity per area with its rate per 1,000 residents; counts suppressed together with their total. */
export function areaActivity(rows: { slug: string; name: string; population: number; n: number }[]): {
  byArea: AreaActivity[];
  areasTotal: PubCount;
} {
  const t = countTable(rows.map((r) => ({ key: r.slug, label: r.name, n: r.n })));
  const byArea = rows.map((r, i) => {
    const c = t.rows[i];
    const count: PubCount = { value: c.count, suppressed: c.suppressed };
    const per1000 =
      !c.suppressed && r.n >= rules.minEventsForRate && r.population > 0 ? (r.n / r.population) * 1000 : null;
    return { slug: r.slug, name: r.name, population: r.population, count, per1000 };
  });
  return { byArea, areasTotal: t.total };
}

/** Median of whole days, or null below the rate threshold. */
export function medianDays(days: number[]): number | null {
  if (days.length < rules.minEventsForRate) return null;
  const s = [...days].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export type DemographicRate = {
  group: string;
  /** Residents of the included areas estimated to belong to the group. */
  residents: number;
  /** Activity per 1,000 of those residents, if activity were spread over each area's residents alike. */
  per1000: number | null;
};

/**
 * Activity per 1,000 residents by demographic group: each area's published activity is shared
 * among its residents in proportion to the group shares the city config gives, and summed per
 * group. Only areas with a published count take part (a hidden count stays hidden), and a group
 * is given a rate only when the activity attributed to it reaches the rate threshold.
 */
export function demographicRates(
  areas: AreaActivity[],
  shares: Record<string, Record<string, number>>,
): { rates: DemographicRate[]; areasLeftOut: number } {
  const groups = new Set<string>();
  for (const s of Object.values(shares)) for (const g of Object.keys(s)) groups.add(g);
  const used = areas.filter((a) => !a.count.suppressed && a.count.value !== null && shares[a.slug]);
  const rates = [...groups].sort().map((group) => {
    let residents = 0;
    let events = 0;
    for (const a of used) {
      const share = shares[a.slug][group] ?? 0;
      residents += a.population * share;
      events += (a.count.value ?? 0) * share;
    }
    const per1000 = residents > 0 && events >= rules.minEventsForRate ? (events / residents) * 1000 : null;
    return { group, residents: Math.round(residents), per1000 };
  });
  return { rates, areasLeftOut: areas.length - used.length };
}

/** Calendar years a report can cover: from the pilot's first year to the current one. */
export function reportYears(pilotStart: string, today: string): number[] {
  const first = Number(pilotStart.slice(0, 4));
  const last = Number(today.slice(0, 4));
  const out: number[] = [];
  for (let y = last; y >= first; y--) out.push(y);
  return out;
}
