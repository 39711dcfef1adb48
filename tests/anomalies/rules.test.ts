import { describe, expect, it } from "vitest";
import { DEFAULT_ANOMALY_CONFIG as cfg, type AnomalyConfig } from "../../lib/anomalies/config";
import { cameraBurst, camerasNearSites, noCaseNumber, sensitiveSite } from "../../lib/anomalies/camera-rules";
import { alprNoCaseNumber } from "../../lib/anomalies/alpr-rules";
import { flightDetour, flightLong, flightNoCall, percentile } from "../../lib/anomalies/flight-rules";
import { distanceM } from "../../lib/anomalies/geo";
import type { CameraAccess, Flight } from "../../lib/anomalies/types";

const access = (o: Partial<CameraAccess> = {}): CameraAccess => ({
  id: 1,
  personnelId: 1,
  cameraId: 1,
  operation: "playback",
  startedAt: new Date("2026-03-10T19:00:00Z"),
  caseNumber: "24-0001",
  sharedWithAgencyId: null,
  ...o,
});
const flight = (o: Partial<Flight> = {}): Flight => ({
  id: 1,
  callNumber: "CAD-1",
  category: "theft",
  launchedAt: new Date("2026-03-10T19:00:00Z"),
  landedAt: new Date("2026-03-10T19:10:00Z"),
  origin: { lat: 33.8921, lon: -118.3548 },
  dest: { lat: 33.8921, lon: -118.3448 },
  distanceFlownM: null,
  path: null,
  ...o,
});

describe("no case number", () => {
  it("flags playback/export/share without a case number, not with one", () => {
    expect(noCaseNumber(access({ caseNumber: null }), cfg)?.rule).toBe("no_case_number");
    expect(noCaseNumber(access({ caseNumber: "  " }), cfg)?.explanation).toMatch(/without entering a case number/);
    expect(noCaseNumber(access(), cfg)).toBeNull();
  });
  it("live views are exempt by default and flagged when configured", () => {
    expect(noCaseNumber(access({ operation: "live_view", caseNumber: null }), cfg)).toBeNull();
    const all: AnomalyConfig = { ...cfg, noCaseNumber: { ...cfg.noCaseNumber, cameraOperations: ["live_view"] } };
    expect(noCaseNumber(access({ operation: "live_view", caseNumber: null }), all)).not.toBeNull();
  });
  it("flags plate searches with no case number", () => {
    expect(alprNoCaseNumber({ id: 3, agencyId: 1, searchedAt: new Date(), caseNumber: null }, cfg)?.recordType).toBe(
      "alpr_search",
    );
    expect(alprNoCaseNumber({ id: 3, agencyId: 1, searchedAt: new Date(), caseNumber: "X" }, cfg)).toBeNull();
  });
});

describe("many cameras in a short time", () => {
  const mk = (n: number, spacingMin: number, personnelId = 1) =>
    Array.from({ length: n }, (_, i) =>
      access({
        id: personnelId * 100 + i,
        personnelId,
        cameraId: i + 1,
        startedAt: new Date(Date.UTC(2026, 2, 10, 19, i * spacingMin)),
      }),
    );
  it("flags every access in a window with more than N distinct cameras", () => {
    const flags = cameraBurst(mk(11, 1), cfg);
    expect(flags).toHaveLength(11);
    expect(flags[0].explanation).toMatch(/11 different cameras within 15 minutes/);
  });
  it("does not flag N cameras, the same camera repeatedly, or the same count spread out", () => {
    expect(cameraBurst(mk(10, 1), cfg)).toHaveLength(0);
    expect(
      cameraBurst(
        mk(30, 1).map((a) => ({ ...a, cameraId: 1 })),
        cfg,
      ),
    ).toHaveLength(0);
    expect(cameraBurst(mk(11, 2), cfg)).toHaveLength(0);
  });
  it("counts users separately", () => {
    const mixed = [...mk(6, 1, 1), ...mk(6, 1, 2)];
    expect(cameraBurst(mixed, cfg)).toHaveLength(0);
  });
  it("takes a whole record: 200,000 accesses by one user, a burst every hour", () => {
    // Scale 100 holds 2.5 million accesses; grouping them by user once copied each user's list per
    // access, and a recompute there never finished. Eleven cameras in eleven minutes each hour.
    const all = Array.from({ length: 200_000 }, (_, i) =>
      access({
        id: i + 1,
        cameraId: i % 100 < 11 ? (i % 100) + 1 : 1,
        startedAt: new Date(Date.UTC(2026, 0, 1) + Math.floor(i / 100) * 3_600_000 + (i % 100) * 30_000),
      }),
    );
    // Every hour's burst is this user's usual: with their own baseline nothing stands out, so the
    // fixed floor alone is tested here (the baseline below).
    const floorOnly = { ...cfg, cameraBurst: { ...cfg.cameraBurst, minOwnAccesses: 1_000_000 } };
    const flags = cameraBurst(all, floorOnly);
    // In each hour, the burst's 11 accesses, and the repeats of camera 1 still inside its window.
    const perHour = new Set(flags.filter((f) => f.recordId <= 100).map((f) => f.recordId)).size;
    expect(perHour).toBeGreaterThanOrEqual(11);
    expect(flags).toHaveLength(perHour * 2_000);
  });
});

describe("many cameras in a short time, against the user's and their peers' usual bursts", () => {
  // Ten days on which an operator follows 20 cameras in turn, one access every 30 s (300 accesses:
  // every quarter hour holds 20 cameras), then one day with `n` cameras in a row.
  const routine = (personnelId: number, role: string) =>
    Array.from({ length: 300 }, (_, i) => ({
      ...access({
        id: personnelId * 10_000 + i,
        personnelId,
        cameraId: (i % 20) + 1,
        startedAt: new Date(Date.UTC(2026, 2, 1 + Math.floor(i / 30), 19, 0, (i % 30) * 30)),
      }),
      role,
    }));
  const spree = (personnelId: number, role: string, n: number, day = 20) =>
    Array.from({ length: n }, (_, i) => ({
      ...access({
        id: personnelId * 10_000 + 5_000 + i,
        personnelId,
        cameraId: 100 + i,
        startedAt: new Date(Date.UTC(2026, 2, day, 9, 0, i * 20)),
      }),
      role,
    }));

  it("does not flag a busy operator's usual quarter hour, flags one far above it", () => {
    // Usual burst 20 cameras (95th percentile of their windows): the limit is 1.5 × 20 = 30.
    const busy = [...routine(1, "operator"), ...spree(1, "operator", 25)];
    expect(cameraBurst(busy, cfg)).toHaveLength(0);
    const flags = cameraBurst([...routine(1, "operator"), ...spree(1, "operator", 35)], cfg);
    expect(flags).toHaveLength(35);
    expect(new Set(flags.map((f) => f.recordId))).toEqual(new Set(spree(1, "operator", 35).map((a) => a.id)));
    expect(flags[0].details).toMatchObject({ limit: 30, ownUsual: 20, peerUsual: 20 });
    expect(flags[0].explanation).toMatch(/35 different cameras within 15 minutes \(usually up to 20 for this user/);
  });

  it("judges a user with few accesses by their role's usual burst, else by the fixed floor", () => {
    const light = spree(2, "operator", 12);
    // An operator's peers usually follow 20 cameras a quarter hour: 12 is not a burst for the role.
    expect(cameraBurst([...routine(1, "operator"), ...light], cfg)).toHaveLength(0);
    // An analyst has no peers with a usual burst of their own: more than maxCameras (10) is.
    const analyst = spree(3, "analyst", 12);
    const flags = cameraBurst([...routine(1, "operator"), ...analyst], cfg);
    expect(flags.map((f) => f.recordId).sort()).toEqual(analyst.map((a) => a.id).sort());
    expect(flags[0].details).toMatchObject({ limit: 10, ownUsual: null, peerUsual: null });
  });

  it("never sets the limit below maxCameras for a quiet user", () => {
    // A user who mostly watches one camera has a usual burst of 1; 10 cameras is still no burst.
    const quiet = Array.from({ length: 150 }, (_, i) => ({
      ...access({ id: 40_000 + i, personnelId: 4, cameraId: 1, startedAt: new Date(Date.UTC(2026, 2, 1, 0, i * 20)) }),
      role: "analyst",
    }));
    expect(cameraBurst([...quiet, ...spree(4, "analyst", 10)], cfg)).toHaveLength(0);
    expect(cameraBurst([...quiet, ...spree(4, "analyst", 11)], cfg)).toHaveLength(11);
  });
});

describe("export or outside share without a case number", () => {
  it("gives exports and shares one no-case flag that names the operation", () => {
    expect(noCaseNumber(access({ operation: "export", caseNumber: null }), cfg)?.explanation).toMatch(
      /exported video \(copied it out of the system\)/,
    );
    expect(noCaseNumber(access({ operation: "share", caseNumber: null }), cfg)?.explanation).toMatch(/shared video/);
    expect(
      noCaseNumber(access({ operation: "live_view", sharedWithAgencyId: 9, caseNumber: null }), cfg)?.explanation,
    ).toMatch(/shared video with an outside agency/);
    expect(noCaseNumber(access({ operation: "export" }), cfg)).toBeNull();
  });
  it("names an outside agency's plate search without a case in the one no-case flag", () => {
    const home = new Set([1]);
    const f = alprNoCaseNumber({ id: 1, agencyId: 2, searchedAt: new Date(), caseNumber: null }, cfg, home);
    expect(f?.rule).toBe("no_case_number");
    expect(f?.explanation).toMatch(/outside agency/);
    expect(
      alprNoCaseNumber({ id: 1, agencyId: 1, searchedAt: new Date(), caseNumber: null }, cfg, home)?.explanation,
    ).not.toMatch(/outside agency/);
    expect(alprNoCaseNumber({ id: 1, agencyId: 2, searchedAt: new Date(), caseNumber: "C" }, cfg, home)).toBeNull();
  });
});

describe("cameras near sensitive sites", () => {
  const site = { name: "Clinic", kind: "health", lat: 33.8902, lon: -118.3489, radiusM: 150 };
  it("flags access to a camera within the radius only", () => {
    const near = camerasNearSites(
      [
        { id: 1, name: "A", lat: 33.8905, lon: -118.3489 }, // ~33 m
        { id: 2, name: "B", lat: 33.895, lon: -118.3489 }, // ~530 m
      ],
      [site],
      cfg,
    );
    expect(sensitiveSite(access({ cameraId: 1, caseNumber: null }), near, cfg)?.explanation).toMatch(
      /played back recorded video from a camera about 33 m from Clinic .* with no case number/,
    );
    expect(sensitiveSite(access({ cameraId: 2, caseNumber: null }), near, cfg)).toBeNull();
    // Answering a call with a case number near a clinic is the job; configurable.
    expect(sensitiveSite(access({ cameraId: 1 }), near, cfg)).toBeNull();
    const all: AnomalyConfig = { ...cfg, sensitiveSites: { ...cfg.sensitiveSites, onlyWithoutCase: false } };
    expect(sensitiveSite(access({ cameraId: 1 }), near, all)).not.toBeNull();
  });
});

describe("drone flights", () => {
  it("flags a flight with no linked call", () => {
    expect(flightNoCall(flight({ callNumber: null }))?.explanation).toMatch(/no linked call/);
    expect(flightNoCall(flight())).toBeNull();
  });
  it("flags an outbound leg more than twice the straight line (path)", () => {
    const o = flight().origin!;
    const d = flight().dest!;
    const straight = distanceM(o, d);
    expect(straight).toBeGreaterThan(900);
    const direct: [number, number][] = [
      [o.lon, o.lat],
      [d.lon, d.lat],
      [o.lon, o.lat],
    ];
    expect(flightDetour(flight({ path: direct }), cfg)).toBeNull();
    const wander: [number, number][] = [
      [o.lon, o.lat],
      [o.lon, o.lat + 0.012],
      [d.lon, d.lat + 0.012],
      [d.lon, d.lat],
      [o.lon, o.lat],
    ];
    const f = flightDetour(flight({ path: wander }), cfg);
    expect(f?.rule).toBe("flight_detour");
    expect(f?.details.measured).toBe("path");
  });
  it("with only a total distance, compares with a direct round trip", () => {
    const straight = distanceM(flight().origin!, flight().dest!);
    expect(flightDetour(flight({ distanceFlownM: straight * 2 * 1.9 }), cfg)).toBeNull();
    expect(flightDetour(flight({ distanceFlownM: straight * 2 * 2.5 }), cfg)?.details.measured).toBe("total_distance");
  });
  it("flags durations beyond the category's 99th percentile", () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    const many = Array.from({ length: 200 }, (_, i) =>
      flight({ id: i + 1, landedAt: new Date(Date.UTC(2026, 2, 10, 19, 10 + (i % 5))) }),
    );
    many.push(flight({ id: 999, landedAt: new Date(Date.UTC(2026, 2, 10, 21, 0)) }));
    const flags = flightLong(many, cfg);
    expect(flags.map((f) => f.recordId)).toEqual([999]);
    expect(flags[0].explanation).toMatch(/lasted 120 minutes/);
    // Too few flights in the category to say what is usual: nothing flagged.
    expect(flightLong(many.slice(0, 5).concat(many[200]), cfg)).toHaveLength(0);
  });
  it("takes a whole record: 300,000 flights in one category", () => {
    // 10 to 59 minutes, and one flight in 200 (0.5%) of two hours: past the 99th percentile.
    const minutes = (i: number) => (i % 200 === 0 ? 120 : 10 + (i % 50));
    const many = Array.from({ length: 300_000 }, (_, i) =>
      flight({ id: i + 1, landedAt: new Date(Date.UTC(2026, 2, 10, 19, minutes(i))) }),
    );
    const flags = flightLong(many, cfg);
    expect(flags.map((f) => f.recordId)).toEqual(many.filter((_, i) => minutes(i) === 120).map((f) => f.id));
  });
});
