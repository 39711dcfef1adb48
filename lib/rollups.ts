// The one presenter of published rollups (pub_breakdowns, pub_metrics) for every page: breakdown
// rows → the plain chart/table data the shared chart components take, and metrics → plain words.
// A null value is a count the rules withheld ("fewer than 11").
import type { ChartRow, ChartSeries } from "./charts/types";
import { dateTimeFormat } from "./format/intl";
import { formatCount, formatMinutes, formatShare, notPublishedText, type FormatLocale } from "./format/numbers";
import { SUPPRESSED_LABEL } from "./publish/rules/suppression";

/** A published breakdown row (db/queries/public/rollups Breakdown). */
export type BreakdownRow = {
  key: string;
  key2: string;
  label: string;
  label2: string;
  count: number | null;
  suppressed: boolean;
  value: number | null;
  ord: number;
};
/** A published metric, or undefined when its publisher has not run yet. */
export type Figure = { value: number | null; suppressed: boolean } | undefined;

/** The rows of a breakdown without its totals ("*"). */
export const cellsOf = <R extends BreakdownRow>(rows: R[]): R[] => rows.filter((r) => r.key !== "*" && r.key2 !== "*");

/** A breakdown's grand total row. */
export const totalOf = <R extends BreakdownRow>(rows: R[]): R | undefined =>
  rows.find((r) => r.key === "*" && (r.key2 === "" || r.key2 === "*"));

/** A row's count: null when withheld, 0 when the row is missing. */
export const countOf = (r: BreakdownRow | undefined) => (r ? (r.suppressed ? null : r.count) : 0);

/** The words for `events` ("flights", "calls") when a median or share is not published. */
export const tooFew = (events: string) => `not published (too few ${events})`;

/** Minutes of a published median; `notPublished` when the rules withheld it. */
export function minutesText(v: number | null | undefined, notPublished: string): string {
  return formatMinutes(v, notPublished);
}

/** A published metric in plain words: a count, a share or minutes (medians over `events`). */
export function figureText(
  f: Figure,
  kind: "count" | "share" | "minutes",
  locale: FormatLocale = "en",
  events = "flights",
): string {
  if (locale === "es") {
    if (!f) return "aún no publicado";
    if (kind === "count") return formatCount(f.suppressed ? null : f.value, "es");
    if (kind === "share") return formatShare(f.value, notPublishedText("es"), "es");
    return formatMinutes(f.value, "no publicado (muy pocos vuelos)", "es");
  }
  if (!f) return "not yet published";
  if (kind === "count") return formatCount(f.suppressed ? null : f.value);
  if (kind === "share") return formatShare(f.value);
  return minutesText(f.value, tooFew(events));
}

const shortDate = (iso: string, locale: FormatLocale = "en") =>
  dateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    month: "short",
    day: "numeric",
    year: "2-digit",
    timeZone: "UTC",
  }).format(new Date(`${iso}T12:00:00Z`));

/** "2026-03" → "Mar 2026" ("mar 2026" in Spanish). */
export const monthLabel = (ym: string, locale: FormatLocale = "en") =>
  dateTimeFormat(locale === "es" ? "es-US" : "en-US", { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${ym}-15T00:00:00Z`),
  );

export const safeKey = (k: string) => k.replace(/[^a-zA-Z0-9_]/g, "_");

/** The series of the part of a row's published total that its published cells do not account for. */
export const NOT_BROKEN_DOWN: ChartSeries = {
  key: "not_broken_down",
  label: `Not broken down (each ${SUPPRESSED_LABEL})`,
};

/**
 * A rows × columns breakdown labelled by row and column (key × key2) as chart rows; totals ("*")
 * are left out, except that where a row's published total exceeds its published cells (the rest
 * are "fewer than 11"), the difference is drawn as "not broken down": a week the log says had 36
 * searches is never empty. That difference is the sum of at least two suppressed cells
 * (complementary suppression), which anyone can already compute from the published total, so it
 * discloses nothing new.
 */
export function tableRows(
  rows: BreakdownRow[],
  opts: { dateKeys?: boolean; locale?: FormatLocale } = {},
): { rows: ChartRow[]; series: ChartSeries[] } {
  const series: ChartSeries[] = [];
  const seen = new Set<string>();
  const byKey = new Map<string, ChartRow>();
  const totals = new Map<string, number>();
  const shown = new Map<string, { sum: number; hidden: boolean }>();
  for (const r of [...rows].sort((a, b) => a.ord - b.ord)) {
    if (r.key === "*") continue;
    if (r.key2 === "*") {
      if (!r.suppressed && r.count !== null) totals.set(r.key, r.count);
      continue;
    }
    const acc = shown.get(r.key) ?? { sum: 0, hidden: false };
    if (r.suppressed || r.count === null) acc.hidden = true;
    else acc.sum += r.count;
    shown.set(r.key, acc);
    if (!seen.has(r.key2)) {
      seen.add(r.key2);
      series.push({ key: safeKey(r.key2), label: r.label2 });
    }
    let row = byKey.get(r.key);
    if (!row) {
      row = { label: opts.dateKeys ? shortDate(r.key, opts.locale) : r.label, values: {} };
      byKey.set(r.key, row);
    }
    row.values[safeKey(r.key2)] = r.suppressed ? null : r.count;
  }
  let rest = false;
  for (const [key, row] of byKey) {
    const total = totals.get(key);
    const acc = shown.get(key);
    if (total === undefined || !acc?.hidden || total - acc.sum <= 0) continue;
    row.values[NOT_BROKEN_DOWN.key] = total - acc.sum;
    rest = true;
  }
  if (rest) for (const row of byKey.values()) row.values[NOT_BROKEN_DOWN.key] ??= 0;
  return { rows: [...byKey.values()], series: rest ? [...series, NOT_BROKEN_DOWN] : series };
}

/**
 * A weeks × columns breakdown labelled by column only (drones' call groups, CSO call sources): one
 * chart row per week (oldest first), one series per column. `sortSeries` orders the series by key,
 * otherwise they come in the rows' order; `seriesKey` names each series' key.
 */
export function weekColumnsChart(
  rows: BreakdownRow[],
  opts: { sortSeries?: boolean; seriesKey?: (key2: string) => string } = {},
): { rows: ChartRow[]; series: ChartSeries[] } {
  const keyOf = opts.seriesKey ?? safeKey;
  const cells = cellsOf(rows);
  const columns = [...new Map(cells.map((r) => [r.key2, r.label]))];
  if (opts.sortSeries) columns.sort((a, b) => a[0].localeCompare(b[0]));
  const weeks = new Map<string, Record<string, number | null>>();
  for (const r of cells) weeks.set(r.key, { ...(weeks.get(r.key) ?? {}), [keyOf(r.key2)]: countOf(r) });
  return {
    series: columns.map(([key, label]) => ({ key: keyOf(key), label })),
    rows: [...weeks].sort((a, b) => a[0].localeCompare(b[0])).map(([label, values]) => ({ label, values })),
  };
}

/**
 * A one-dimensional breakdown as chart rows (the "*" total is returned separately). Labels such as
 * "user-ab12cd · Role, Agency" are split: the pseudonym on the axis, the rest in the table
 * (`splitLabel: false` keeps them whole); `skipZero` leaves out rows counted 0.
 */
export function seriesRows(
  rows: BreakdownRow[],
  seriesLabel: string,
  opts: {
    dateKeys?: boolean;
    limit?: number;
    skipZero?: boolean;
    splitLabel?: boolean;
    locale?: FormatLocale;
    /** A row label's language when it is not the page's (published English data on a Spanish page). */
    labelLang?: (r: BreakdownRow) => string | undefined;
  } = {},
): { rows: ChartRow[]; series: ChartSeries[]; total: number | null } {
  const items = [...rows]
    .sort((a, b) => a.ord - b.ord)
    .filter((r) => r.key !== "*" && (!opts.skipZero || r.suppressed || (r.count ?? 0) > 0));
  const total = rows.find((r) => r.key === "*");
  return {
    rows: items.slice(0, opts.limit ?? items.length).map((r) => {
      const values = { n: r.suppressed ? null : r.count };
      const lang = opts.labelLang?.(r);
      const marked = lang ? { lang } : {};
      if (opts.splitLabel === false) return { label: r.label, values, ...marked };
      const [label, detail] = opts.dateKeys ? [shortDate(r.key, opts.locale)] : r.label.split(" · ");
      return { label, detail, values, ...marked };
    }),
    series: [{ key: "n", label: seriesLabel }],
    total: total && !total.suppressed ? total.count : null,
  };
}

/** Weekly shares riding on the row totals (key2 "*") as percentages. */
export function weeklyShareRows(
  rows: BreakdownRow[],
  label: string,
  locale: FormatLocale = "en",
): { rows: ChartRow[]; series: ChartSeries[] } {
  const items = rows.filter((r) => r.key2 === "*" && r.key !== "*").sort((a, b) => a.ord - b.ord);
  return {
    rows: items.map((r) => ({
      label: shortDate(r.key, locale),
      values: { share: r.value === null ? null : Math.round(r.value * 1000) / 10 },
    })),
    series: [{ key: "share", label }],
  };
}

/** Pilot vs baseline medians by row key (key2 `pilot` and "baseline"): [{ key, label, pilot, baseline, n }]. */
export function pairRows(rows: BreakdownRow[], pilot: string) {
  const keys = [...new Set(rows.filter((r) => r.key2 === pilot).map((r) => r.key))];
  return keys.map((key) => {
    const c = rows.find((r) => r.key === key && r.key2 === pilot);
    const b = rows.find((r) => r.key === key && r.key2 === "baseline");
    return { key, label: c?.label ?? key, pilot: c?.value ?? null, baseline: b?.value ?? null, n: countOf(c) };
  });
}
