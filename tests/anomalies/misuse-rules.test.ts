import { describe, expect, it } from "vitest";
import { sharedPlate, wideSearch } from "../../lib/anomalies/alpr-rules";
import { unusualHours, volumeSpike } from "../../lib/anomalies/baseline-rules";
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { recordScore } from "../../lib/anomalies/score";
import { networkState, outOfStateNetworks } from "../../lib/anomalies/states";
import { vagueReason, watchList, type Reasoned } from "../../lib/anomalies/text-rules";
import type { Activity, AlprSearch } from "../../lib/anomalies/types";
import { testAnomalyConfig } from "../helpers/anomalies";

const TZ = "America/Los_Angeles";
const cfg: AnomalyConfig = testAnomalyConfig({
  weights: { watch_list: 10, no_case_number: 3 },
  vagueReason: { phrases: ["investigation", "inv", "Daytime search for best result"] },
  watchLists: {
    "immigration enforcement": ["immigration", "ICE", "deportation"],
    "protest or demonstration": ["protest", "rally"],
    "reproductive health": ["abortion"],
  },
  wideSearch: { maxNetworks: 25, maxDevices: 1000, homeState: "CA" },
  sharedPlate: { minUsers: 3, withinDays: 30 },
});
const reasoned = (reason: string | null, offense: string | null = null): Reasoned => ({
  recordType: "alpr_search",
  id: 7,
  at: new Date("2026-03-10T19:00:00Z"),
  operation: "searched plate-reader data",
  reason,
  offense,
});
const search = (o: Partial<AlprSearch> = {}): AlprSearch => ({
  id: 1,
  agencyId: 1,
  personnelId: 1,
  searchedAt: new Date("2026-03-10T19:00:00Z"),
  caseNumber: "C-1",
  networkCount: 1,
  networks: ["Lakemont"],
  ...o,
});

describe("vague or boilerplate reason", () => {
  it("flags configured boilerplate, whatever the case and punctuation", () => {
    expect(vagueReason(reasoned("Investigation"), cfg)?.explanation).toMatch(
      /searched plate-reader data and gives only the boilerplate reason "Investigation"/,
    );
    expect(vagueReason(reasoned("inv."), cfg)?.rule).toBe("vague_reason");
    expect(vagueReason(reasoned("Daytime search for best result"), cfg)?.details.boilerplate).toBe(true);
  });
  it("flags a reason too short to say why, and a missing one", () => {
    expect(vagueReason(reasoned("susp veh"), cfg)?.explanation).toMatch(/too short to say why/);
    expect(vagueReason(reasoned(null), cfg)?.explanation).toMatch(/gives no reason/);
    expect(vagueReason(reasoned("   "), cfg)).not.toBeNull();
  });
  it("leaves a specific reason alone", () => {
    expect(vagueReason(reasoned("Getaway vehicle from robbery"), cfg)).toBeNull();
    expect(vagueReason(reasoned("Stolen vehicle investigation"), cfg)).toBeNull();
  });
});

describe("watch lists", () => {
  it("flags immigration enforcement, protest and reproductive-health reasons, naming the list", () => {
    expect(watchList(reasoned("Assist ICE with removal"), cfg)?.explanation).toMatch(
      /"ICE" \(immigration enforcement\)/,
    );
    expect(watchList(reasoned("vehicles near the rally"), cfg)?.details.lists).toEqual(["protest or demonstration"]);
    expect(watchList(reasoned("follow-up", "abortion"), cfg)?.details.lists).toEqual(["reproductive health"]);
  });
  it("matches whole words only, and short capital terms only in capitals", () => {
    expect(watchList(reasoned("Office burglary, police report filed"), cfg)).toBeNull();
    expect(watchList(reasoned("black ice collision"), cfg)).toBeNull();
    expect(watchList(reasoned("protesting the ticket"), cfg)).toBeNull();
    expect(watchList(reasoned(null), cfg)).toBeNull();
  });
});

describe("wide plate searches", () => {
  it("flags more than N networks or devices", () => {
    expect(wideSearch(search({ networkCount: 312 }), cfg)?.explanation).toMatch(/312 networks \(the limit is 25\)/);
    expect(wideSearch(search({ devicesSearched: 48_000 }), cfg)?.explanation).toMatch(/48,000 cameras/);
    expect(wideSearch(search({ networkCount: 25, devicesSearched: 1000 }), cfg)).toBeNull();
  });
  it("flags networks in another state, not the home state", () => {
    expect(networkState("Houston PD TX")).toBe("TX");
    expect(networkState("Texas Department of Public Safety")).toBe("TX");
    expect(networkState("West Virginia State Police")).toBe("WV");
    expect(networkState("State Highway Patrol")).toBeNull();
    expect(networkState("Harbor City PD")).toBeNull();
    expect(outOfStateNetworks(["Fresno PD, CA", "Phoenix PD AZ", "Lakemont"], "CA")).toEqual(["Phoenix PD AZ"]);
    expect(wideSearch(search({ networks: ["Lakemont", "Phoenix PD AZ"], networkCount: 2 }), cfg)?.explanation).toMatch(
      /1 out-of-state network \(Phoenix PD AZ\)/,
    );
  });
});

describe("same plate searched by several users", () => {
  const day = (d: number) => new Date(Date.UTC(2026, 2, d, 19));
  it("flags every search of a plate that 3 users searched within 30 days", () => {
    const list = [
      search({ id: 1, personnelId: 1, plateHmac: "p1", searchedAt: day(1) }),
      search({ id: 2, personnelId: 2, plateHmac: "p1", searchedAt: day(5) }),
      search({ id: 3, personnelId: 3, plateHmac: "p1", searchedAt: day(9) }),
      search({ id: 4, personnelId: 1, plateHmac: "p2", searchedAt: day(9) }),
      search({ id: 5, personnelId: 2, plateHmac: "p2", searchedAt: day(9) }),
      search({ id: 6, personnelId: 1, plateHmac: null, searchedAt: day(9) }),
    ];
    const flags = sharedPlate(list, cfg);
    expect(flags.map((f) => f.recordId).sort()).toEqual([1, 2, 3]);
    expect(flags[0].explanation).toMatch(/searched by 3 different users within 30 days/);
  });
  it("does not count searches further apart than the window, or one user many times", () => {
    const apart = [1, 2, 3].map((i) =>
      search({ id: i, personnelId: i, plateHmac: "p", searchedAt: new Date(Date.UTC(2026, i * 2, 1)) }),
    );
    expect(sharedPlate(apart, cfg)).toHaveLength(0);
    const one = [1, 2, 3].map((i) => search({ id: i, personnelId: 1, plateHmac: "p", searchedAt: day(i) }));
    expect(sharedPlate(one, cfg)).toHaveLength(0);
  });
});

describe("per-person baselines", () => {
  // 20:00 UTC = 12:00 PST in January.
  const at = (day: number, utcHour: number) => new Date(Date.UTC(2026, 0, day, utcHour));
  const acts = (personnelId: number, role: string, hours: number[], days = 30): Activity[] =>
    Array.from({ length: days }, (_, d) =>
      hours.map((h, i) => ({
        recordType: "camera_access" as const,
        id: personnelId * 100_000 + d * 100 + i,
        personnelId,
        role,
        at: at(d + 1, h),
      })),
    ).flat();

  it("flags a night access by a day-shift analyst, not the same hour for a round-the-clock operator", () => {
    const allDay = Array.from({ length: 24 }, (_, h) => h);
    const operator = acts(1, "watch_center_operator", allDay);
    const analyst = acts(2, "analyst", [17, 18, 19, 20, 21, 22, 23]); // 09:00–15:00 PST
    const night = (personnelId: number, role: string, id: number): Activity => ({
      recordType: "camera_access",
      id,
      personnelId,
      role,
      at: new Date("2026-02-03T11:00:00Z"), // 03:00 PST
    });
    const flags = unusualHours(
      [...operator, ...analyst, night(1, "watch_center_operator", 1), night(2, "analyst", 2)],
      cfg,
      TZ,
    );
    expect(flags.map((f) => f.recordId)).toEqual([2]);
    expect(flags[0].explanation).toMatch(/around 03:00, an hour that holds 0\.\d% of this user's records/);
  });

  it("flags a day far above the user's own usual volume", () => {
    const usual = acts(3, "analyst", [18, 19, 20, 21, 22]); // 5 a day for 30 days
    const burst: Activity[] = Array.from({ length: 40 }, (_, i) => ({
      recordType: "alpr_search",
      id: 900 + i,
      personnelId: 3,
      role: "analyst",
      at: new Date(Date.UTC(2026, 1, 10, 18, i)),
    }));
    const flags = volumeSpike([...usual, ...burst], cfg, TZ);
    expect(flags).toHaveLength(0); // searches have their own baseline: too few active days to judge
    const searches = usual.map((a) => ({ ...a, recordType: "alpr_search" as const }));
    const f2 = volumeSpike([...searches, ...burst], cfg, TZ);
    expect(f2).toHaveLength(40);
    expect(f2[0].explanation).toMatch(
      /On 2026-02-10 this user made 40 plate searches; on a usual working day they make 5/,
    );
  });
});

describe("risk score", () => {
  it("sums rule weights, once per rule, unknown rules counting 1", () => {
    expect(recordScore(["watch_list", "no_case_number"], cfg)).toBe(13);
    expect(recordScore(["watch_list", "watch_list", "camera_burst"], cfg)).toBe(11);
  });
});
