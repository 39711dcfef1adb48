// The CSO rollups as a pure function: suppression, complementary suppression, minimum events
// for medians, and sensitive calls kept out of hour and neighborhood breakdowns.
import { describe, expect, it } from "vitest";
import { buildCsoRollups, median } from "../../server/publish/cso-rollups";
import { pubCount } from "../../lib/publish/rules/suppression";
import { recoverBySubtraction } from "./attacker";
import { EMPTY_BASELINE, TZ, call, calls } from "./cso-fixture";

const PERIODS = [
  { name: "last30", from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") },
  { name: "since_launch", from: new Date("2025-10-01T07:00:00Z"), to: new Date("2026-03-03T00:00:00Z") },
];

function fixture() {
  return [
    ...calls(40, "2026-01-05T17:00:00Z"),
    ...calls(25, "2026-01-12T17:00:00Z", {
      category: "vandalism",
      label: "Vandalism",
      callSource: "911",
      outcome: "report_taken",
      reportWritten: true,
      fingerprintsCollected: true,
    }),
    ...calls(4, "2026-01-20T17:00:00Z", {
      category: "graffiti",
      label: "Graffiti",
      callSource: "self_initiated",
      swornBackupRequested: true,
    }),
    ...calls(12, "2026-02-10T17:00:00Z", {
      category: "welfare_check",
      label: "Welfare check",
      sensitive: true,
      outcome: "referred",
      referrals: ["senior_services", "medical"],
    }),
    ...calls(3, "2026-02-15T17:00:00Z", {
      category: "mental_health",
      label: "Mental health crisis",
      sensitive: true,
      outcome: "referred",
      referrals: ["mental_health"],
    }),
  ];
}

const get = (rows: ReturnType<typeof buildCsoRollups>["breakdowns"], breakdown: string, period: string) =>
  rows.filter((r) => r.breakdown === breakdown && r.period === period);

describe("CSO rollups", () => {
  const r = buildCsoRollups(fixture(), PERIODS, EMPTY_BASELINE, TZ);
  const metric = (p: string, m: string) => r.metrics.find((x) => x.period === p && x.metric === m)!;

  it("publishes counts of 11 or more and hides 1 to 10 as 'fewer than 11'", () => {
    const cats = get(r.breakdowns, "category", "since_launch");
    const by = new Map(cats.map((c) => [c.key, c]));
    expect(by.get("theft")).toMatchObject({ count: 40, suppressed: false });
    expect(by.get("vandalism")).toMatchObject({ count: 25, suppressed: false });
    expect(by.get("graffiti")).toMatchObject({ count: null, suppressed: true });
    expect(by.get("mental_health")).toMatchObject({ count: null, suppressed: true });
    expect(by.get("*")).toMatchObject({ count: 84, suppressed: false });
    expect(metric("since_launch", "calls")).toMatchObject({ value: 84, suppressed: false });
    expect(metric("since_launch", "sworn_backup")).toMatchObject({ value: null, suppressed: true });
    expect(metric("since_launch", "fingerprints")).toMatchObject({ value: 25, suppressed: false });
  });

  it("never lets a suppressed count be recovered by subtracting from a published total", () => {
    let checked = 0;
    for (const key of new Set(r.breakdowns.map((b) => `${b.breakdown}|${b.period}`))) {
      const [breakdown, period] = key.split("|");
      if (breakdown.startsWith("response_")) continue;
      const rows = get(r.breakdowns, breakdown, period);
      if (breakdown === "week_source") {
        const weeks = [...new Set(rows.filter((x) => x.key !== "*").map((x) => x.key))];
        const srcs = [...new Set(rows.filter((x) => x.key2 !== "*").map((x) => x.key2 ?? ""))];
        const pc = (k: string, k2: string) => {
          const x = rows.find((y) => y.key === k && y.key2 === k2)!;
          return pubCount(x.count ?? null, x.suppressed);
        };
        const table = {
          cells: weeks.map((w) => srcs.map((s) => pc(w, s))),
          rowTotals: weeks.map((w) => pc(w, "*")),
          colTotals: srcs.map((s) => pc("*", s)),
          total: pc("*", "*"),
        };
        expect(recoverBySubtraction(table), key).toEqual([]);
      } else {
        const cells = rows.filter((x) => x.key !== "*").map((x) => pubCount(x.count ?? null, x.suppressed));
        const total = rows.find((x) => x.key === "*")!;
        expect(
          recoverBySubtraction({ cells: [cells], rowTotals: [pubCount(total.count ?? null, total.suppressed)] }),
          key,
        ).toEqual([]);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(8);
    // Graffiti (4) is hidden, so at least one more category is hidden with it.
    expect(
      get(r.breakdowns, "category", "since_launch").filter((x) => x.suppressed && x.key !== "*").length,
    ).toBeGreaterThanOrEqual(2);
  });

  it("publishes medians only when built on at least 11 calls", () => {
    expect(metric("since_launch", "median_response_min")).toMatchObject({ value: 10, suppressed: false });
    expect(metric("since_launch", "median_clear_min")).toMatchObject({ value: 40, suppressed: false });
    const byCat = get(r.breakdowns, "response_category", "since_launch");
    expect(byCat.find((x) => x.key === "theft")!.value).toBe(10);
    expect(byCat.find((x) => x.key === "graffiti")!.value).toBeNull();
    expect(byCat.find((x) => x.key === "mental_health")!.value).toBeNull();
    const short = buildCsoRollups(calls(10, "2026-02-20T17:00:00Z"), PERIODS, EMPTY_BASELINE, TZ);
    expect(short.metrics.find((x) => x.period === "last30" && x.metric === "median_response_min")).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(short.metrics.find((x) => x.period === "last30" && x.metric === "share_no_sworn")).toMatchObject({
      value: null,
      suppressed: true,
    });
  });

  it("keeps sensitive calls out of the hour and neighborhood breakdowns but counts their referrals", () => {
    const hours = get(r.breakdowns, "hour", "since_launch");
    expect(hours.find((x) => x.key === "*")).toMatchObject({ count: 69 });
    expect(get(r.breakdowns, "area", "since_launch").find((x) => x.key === "*")).toMatchObject({ count: 69 });
    const refs = new Map(get(r.breakdowns, "referral", "since_launch").map((x) => [x.key, x]));
    // Mental health (3) is hidden; one of the two 12s is hidden with it so the total gives nothing away.
    expect(refs.get("mental_health")?.suppressed).toBe(true);
    expect([refs.get("senior_services"), refs.get("medical")].map((x) => x?.count).sort()).toEqual([12, null].sort());
    expect(refs.get("*")).toMatchObject({ count: 27, suppressed: false });
    expect(metric("since_launch", "sensitive_calls")).toMatchObject({ value: 15 });
  });

  it("splits periods: the last 30 days hold only February's calls", () => {
    expect(metric("last30", "calls")).toMatchObject({ value: 15 });
    expect(metric("last30", "calls_with_referral")).toMatchObject({ value: 15 });
    const outside = buildCsoRollups([call("2025-09-01T17:00:00Z"), ...fixture()], PERIODS, EMPTY_BASELINE, TZ);
    expect(outside.metrics.find((x) => x.period === "since_launch" && x.metric === "calls")!.value).toBe(84);
  });

  it("takes the median of an even list as the mean of the middle two", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("CSO cells generalized from grouped calls", () => {
  it("decide what generalize decides over the calls one by one", async () => {
    const { generalize, generalizeGroups } = await import("../../lib/publish/rules/h3");
    const { cellsOf, groupCells } = await import("../../lib/publish/rules/h3");
    const { city } = await import("../../lib/config/city");
    const sites = city().sensitiveSites;
    // Busy and sparse spots, sensitive calls among them, and points near the city's sensitive sites.
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const events = Array.from({ length: 3000 }, (_, i) => {
      const site = sites[i % Math.max(1, sites.length)];
      const near = i % 5 === 0 && site;
      const lat = near ? site.lat + (rand() - 0.5) * 0.01 : 33.86 + Math.floor(rand() * 40) * 0.002 + rand() * 1e-4;
      const lon = near ? site.lon + (rand() - 0.5) * 0.01 : -118.38 + Math.floor(rand() * 40) * 0.002 + rand() * 1e-4;
      return { lat, lon, sensitive: rand() < 0.15 };
    });
    const one = generalize(events, undefined, sites);
    const grouped = generalizeGroups(
      groupCells(events.map((e) => ({ ...cellsOf(e.lat, e.lon), sensitive: e.sensitive }))),
      undefined,
      sites,
    );
    expect([...grouped.counts].sort()).toEqual([...one.counts].sort());
    expect(grouped.suppressedCells).toBe(one.suppressedCells);
    expect(grouped.suppressedEvents).toBe(one.suppressedEvents);
    expect(events.map((e) => grouped.cellOf({ ...cellsOf(e.lat, e.lon), sensitive: e.sensitive }))).toEqual(
      one.cellsOfEvents(),
    );
    expect(one.counts.size).toBeGreaterThan(5);
    expect(one.suppressedCells).toBeGreaterThan(0);
    // The calls whose cell depends on a cell crossing k: generalize's eventsIn.
    const some = new Set([...one.counts.keys()].slice(0, 4));
    expect(
      events.flatMap((e, i) =>
        grouped.dependsOn({ ...cellsOf(e.lat, e.lon), sensitive: e.sensitive }, some) ? [i] : [],
      ),
    ).toEqual(one.eventsIn(some));
  });
});
