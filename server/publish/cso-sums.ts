import "server-only";
// What the CSO rollups are built from: per period, the calls' counts by every breakdown, the middle
// of their minutes and their cells grouped for generalization. The publisher sums them from the
// partial aggregates (server/publish/cso-parts.ts); sumsOfCalls counts them from calls in memory,
// the reference those sums are tested against.
import { city } from "../../lib/config/city";
import { localDate, localHour, localWeekStart, zonedParts } from "../../lib/time";
import { cellsOf, generalizeGroups, groupCells, type GroupGeneralization } from "../../lib/publish/rules/h3";
import type { SourceCall } from "./cso-source";

/**
 * A list of minutes (in tenths, as the rollups round them) by its size and the two middle values
 * of the sorted list, at (n - 1) >> 1 and n >> 1: all its median needs.
 */
export type Middle = { n: number; lo: number; hi: number };

/** The median in minutes, exactly as median() gives it from the minutes themselves (tenths / 10). */
export const middleValue = (m: Middle): number | null => (m.n ? (m.lo / 10 + m.hi / 10) / 2 : null);

/** The middle of a list of tenths given as (value, count) pairs in any order. */
export function middleOf(pairs: Iterable<[number, number]>): Middle {
  const sorted = [...pairs].filter(([, c]) => c !== 0).sort((a, b) => a[0] - b[0]);
  const n = sorted.reduce((a, [, c]) => a + c, 0);
  const at = (i: number) => {
    let seen = 0;
    for (const [v, c] of sorted) if ((seen += c) > i) return v;
    return 0;
  };
  return n ? { n, lo: at((n - 1) >> 1), hi: at(n >> 1) } : { n: 0, lo: 0, hi: 0 };
}

/** Flags counted per call: sworn, referred, reports, fingerprints, dna, sensitive. */
export type PeriodSums = {
  calls: number;
  flags: Map<string, number>;
  category: Map<string, number>;
  source: Map<string, number>;
  outcome: Map<string, number>;
  referral: Map<string, number>;
  response: Middle;
  clear: Middle;
  /** Local dates of the first and last call. */
  firstDay: string | null;
  lastDay: string | null;
  cells: Pick<GroupGeneralization, "counts" | "suppressedCells">;
};

/** What only the since-launch period publishes. */
export type LaunchSums = {
  /** Calls that are not sensitive, by area slug ("unknown" without one) and by local hour. */
  area: Map<string, number>;
  hour: Map<string, number>;
  /** The weeks (Mondays) with calls, and calls by `${week}|${source}`. */
  weeks: string[];
  weekSource: Map<string, number>;
  responseBy: { month: Map<string, Middle>; category: Map<string, Middle>; source: Map<string, Middle> };
};

export type CsoSums = {
  periods: { name: string; sums: PeriodSums }[];
  since: { name: string; sums: LaunchSums };
  labels: { category: Map<string, string>; area: Map<string, string> };
};

export type CsoPeriodBounds = { name: string; from: Date | null; to: Date };

const bump = (m: Map<string, number>, k: string, by = 1) => m.set(k, (m.get(k) ?? 0) + by);

/** Tenths of a minute from a to b, rounded half up on whole milliseconds (minutesBetween × 10). */
const tenths = (a: Date, b: Date) => Math.round((b.getTime() - a.getTime()) / 6000);

function middles(lists: Map<string, Map<number, number>>): Map<string, Middle> {
  return new Map([...lists].map(([k, m]) => [k, middleOf(m)]));
}

/** The sums of calls in memory (the period filter and every breakdown as the rollups define them). */
export function sumsOfCalls(all: SourceCall[], periods: CsoPeriodBounds[], timeZone: string): CsoSums {
  const inPeriod = (p: CsoPeriodBounds) =>
    all.filter((c) => (!p.from || c.receivedAt > p.from) && c.receivedAt <= p.to);
  const sites = city().sensitiveSites;
  const out: CsoSums["periods"] = periods.map((p) => {
    const calls = inPeriod(p);
    const s: PeriodSums = {
      calls: calls.length,
      flags: new Map(),
      category: new Map(),
      source: new Map(),
      outcome: new Map(),
      referral: new Map(),
      response: middleOf([]),
      clear: middleOf([]),
      firstDay: null,
      lastDay: null,
      cells: { counts: new Map(), suppressedCells: 0 },
    };
    const resp = new Map<number, number>();
    const clear = new Map<number, number>();
    let first = Infinity;
    let last = -Infinity;
    for (const c of calls) {
      if (c.onSceneAt)
        resp.set(tenths(c.receivedAt, c.onSceneAt), (resp.get(tenths(c.receivedAt, c.onSceneAt)) ?? 0) + 1);
      if (c.clearedAt)
        clear.set(tenths(c.receivedAt, c.clearedAt), (clear.get(tenths(c.receivedAt, c.clearedAt)) ?? 0) + 1);
      if (c.swornBackupRequested) bump(s.flags, "sworn");
      if (c.referrals.length > 0) bump(s.flags, "referred");
      if (c.reportWritten) bump(s.flags, "reports");
      if (c.fingerprintsCollected) bump(s.flags, "fingerprints");
      if (c.dnaCollected) bump(s.flags, "dna");
      if (c.sensitive) bump(s.flags, "sensitive");
      bump(s.category, c.category);
      bump(s.source, c.callSource);
      bump(s.outcome, c.outcome);
      for (const r of c.referrals) bump(s.referral, r);
      first = Math.min(first, c.receivedAt.getTime());
      last = Math.max(last, c.receivedAt.getTime());
    }
    s.response = middleOf(resp);
    s.clear = middleOf(clear);
    if (calls.length) {
      s.firstDay = localDate(new Date(first), timeZone);
      s.lastDay = localDate(new Date(last), timeZone);
    }
    const located = calls.filter((c) => c.lat !== null && c.lon !== null);
    s.cells = generalizeGroups(
      groupCells(located.map((c) => ({ ...cellsOf(c.lat!, c.lon!), sensitive: c.sensitive }))),
      undefined,
      sites,
    );
    return { name: p.name, sums: s };
  });

  const since = periods.find((p) => p.name === "since_launch") ?? periods[periods.length - 1];
  const calls = inPeriod(since);
  const l: LaunchSums = {
    area: new Map(),
    hour: new Map(),
    weeks: [],
    weekSource: new Map(),
    responseBy: { month: new Map(), category: new Map(), source: new Map() },
  };
  type Lists = Map<string, Map<number, number>>;
  const by: Record<"month" | "category" | "source", Lists> = {
    month: new Map(),
    category: new Map(),
    source: new Map(),
  };
  const areaNames = new Map<string, string>();
  const weeks = new Set<string>();
  for (const c of calls) {
    if (!c.sensitive) {
      bump(l.area, c.areaSlug ?? "unknown");
      areaNames.set(c.areaSlug ?? "unknown", c.areaName ?? "Unknown");
      bump(l.hour, String(localHour(c.receivedAt, timeZone)));
    }
    const week = localWeekStart(c.receivedAt, timeZone);
    weeks.add(week);
    bump(l.weekSource, `${week}|${c.callSource}`);
    if (c.onSceneAt) {
      const p = zonedParts(c.receivedAt, timeZone);
      const t = tenths(c.receivedAt, c.onSceneAt);
      for (const [dim, k] of [
        ["month", `${p.year}-${String(p.month).padStart(2, "0")}`],
        ["category", c.category],
        ["source", c.callSource],
      ] as const) {
        const lists = by[dim];
        const m = lists.get(k) ?? lists.set(k, new Map()).get(k)!;
        m.set(t, (m.get(t) ?? 0) + 1);
      }
    }
  }
  l.weeks = [...weeks].sort();
  l.responseBy = { month: middles(by.month), category: middles(by.category), source: middles(by.source) };
  return {
    periods: out,
    since: { name: since.name, sums: l },
    labels: { category: new Map(all.map((c) => [c.category, c.label])), area: areaNames },
  };
}
