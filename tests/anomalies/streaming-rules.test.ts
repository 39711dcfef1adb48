// The per-person rules, rebuilt to run in passes (ActivityBaselines; userBurst, peerBursts and
// userBurstFlags), against the whole-list versions they replaced (reference-rules.ts), on random
// records: the same flags, word for word. Thresholds are low so that most inputs flag something.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sharedPlate } from "../../lib/anomalies/alpr-rules";
import { unusualHours, volumeSpike, ActivityBaselines } from "../../lib/anomalies/baseline-rules";
import { cameraBurst } from "../../lib/anomalies/camera-rules";
import { flightDetour } from "../../lib/anomalies/flight-rules";
import type { Activity, AlprSearch, CameraAccess, Flag } from "../../lib/anomalies/types";
import { testAnomalyConfig } from "../helpers/anomalies";
import { oldCameraBurst, oldSharedPlate, oldUnusualHours, oldVolumeSpike } from "./reference-rules";

const TZ = "America/Los_Angeles";
const cfg = testAnomalyConfig({
  unusualHours: { maxShare: 0.03, minOwnRecords: 20 },
  volumeSpike: { multiplier: 2, minExtra: 2, minActiveDays: 3 },
  cameraBurst: { maxCameras: 3, withinMinutes: 15, usualPercentile: 90, multiplier: 1.2, minOwnAccesses: 30 },
});
const START = Date.UTC(2026, 2, 1, 8); // around a DST change in Los Angeles (March 8)
const byKey = (flags: Flag[]) =>
  flags.map((f) => ({ ...f })).sort((a, b) => a.recordType.localeCompare(b.recordType) || a.recordId - b.recordId);

const activity = fc
  .array(
    fc.record({
      personnelId: fc.integer({ min: 1, max: 4 }),
      role: fc.constantFrom("operator", "analyst"),
      recordType: fc.constantFrom("camera_access" as const, "alpr_search" as const),
      // Days skewed to day 7 (volume spikes), hours to the afternoon (rare hours elsewhere).
      day: fc.oneof(
        { weight: 1, arbitrary: fc.constant(7) },
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 14 }) },
      ),
      hour: fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min: 8, max: 12 }) },
        { weight: 1, arbitrary: fc.integer({ min: 0, max: 23 }) },
      ),
      minute: fc.integer({ min: 0, max: 59 }),
    }),
    { minLength: 100, maxLength: 400 },
  )
  .map((l) =>
    l.map((a, i): Activity => ({
      recordType: a.recordType,
      id: i + 1,
      personnelId: a.personnelId,
      role: a.role,
      at: new Date(START + ((a.day * 24 + a.hour) * 60 + a.minute) * 60_000),
    })),
  );

const accesses = fc
  .array(
    fc.record({
      personnelId: fc.integer({ min: 1, max: 3 }),
      role: fc.constantFrom("operator", "analyst"),
      cameraId: fc.integer({ min: 1, max: 12 }),
      // Minutes over four hours: many windows, and ties in time.
      minute: fc.integer({ min: 0, max: 240 }),
    }),
    { minLength: 100, maxLength: 300 },
  )
  .map((l) =>
    l.map((a, i): CameraAccess & { role: string } => ({
      id: i + 1,
      personnelId: a.personnelId,
      role: a.role,
      cameraId: a.cameraId,
      operation: "live_view",
      startedAt: new Date(START + a.minute * 60_000),
      caseNumber: null,
      sharedWithAgencyId: null,
    })),
  );

const searches = fc
  .array(
    fc.record({
      personnelId: fc.integer({ min: 1, max: 5 }),
      plate: fc.constantFrom("p1", "p2", "p3", "", null),
      // Hours over 90 days, against a 10-day window: ties and window edges both occur.
      hour: fc.integer({ min: 0, max: 90 * 24 }),
    }),
    { minLength: 20, maxLength: 200 },
  )
  .map((l) =>
    l.map((s, i): AlprSearch => ({
      id: i + 1,
      agencyId: 1,
      personnelId: s.personnelId,
      plateHmac: s.plate,
      searchedAt: new Date(START + s.hour * 3_600_000),
      caseNumber: null,
    })),
  );

describe("the per-person rules in passes equal the whole-list rules", () => {
  it("shared plates, counted with a sliding window", () => {
    const plates = { ...cfg, sharedPlate: { minUsers: 3, withinDays: 10 } };
    let flagged = 0;
    fc.assert(
      fc.property(searches, (list) => {
        const flags = sharedPlate(list, plates);
        expect(byKey(flags)).toEqual(byKey(oldSharedPlate(list, plates)));
        flagged += flags.length;
      }),
      { numRuns: 300 },
    );
    expect(flagged).toBeGreaterThan(1000);
  });

  it("unusual hours and volume spikes", () => {
    let flagged = 0;
    fc.assert(
      fc.property(activity, (list) => {
        const hours = unusualHours(list, cfg, TZ);
        const volume = volumeSpike(list, cfg, TZ);
        expect(byKey(hours)).toEqual(byKey(oldUnusualHours(list, cfg, TZ)));
        expect(byKey(volume)).toEqual(byKey(oldVolumeSpike(list, cfg, TZ)));
        flagged += hours.length + volume.length;
      }),
      { numRuns: 300 },
    );
    expect(flagged).toBeGreaterThan(1000);
  });

  it("camera bursts, with users' own and their role's usual bursts", () => {
    let flagged = 0;
    fc.assert(
      fc.property(accesses, (list) => {
        const flags = cameraBurst(list, cfg);
        expect(byKey(flags)).toEqual(byKey(oldCameraBurst(list, cfg)));
        flagged += flags.length;
      }),
      { numRuns: 300 },
    );
    expect(flagged).toBeGreaterThan(1000);
  });

  it("a flight's path read flat (path_xy) gives the detour its [lon, lat] pairs give", () => {
    const point = fc.tuple(
      fc.double({ min: -118.4, max: -118.3, noNaN: true }),
      fc.double({ min: 33.85, max: 33.95, noNaN: true }),
    );
    fc.assert(
      fc.property(fc.array(point, { minLength: 0, maxLength: 40 }), point, (pairs, [lon, lat]) => {
        const flight = {
          id: 1,
          callNumber: "C",
          category: "theft",
          launchedAt: new Date(START),
          landedAt: new Date(START + 600_000),
          origin: pairs.length > 0 ? { lon: pairs[0][0], lat: pairs[0][1] } : { lon: -118.35, lat: 33.9 },
          dest: { lon, lat },
          distanceFlownM: 5000,
        };
        const asPairs = flightDetour({ ...flight, path: pairs }, cfg);
        expect(flightDetour({ ...flight, path: Float64Array.from(pairs.flat()) }, cfg)).toEqual(asPairs);
      }),
      { numRuns: 500 },
    );
  });

  it("counts first and judges after: no record may be added once checking began", () => {
    const b = new ActivityBaselines(cfg, TZ);
    const a: Activity = { recordType: "alpr_search", id: 1, personnelId: 1, role: "analyst", at: new Date(START) };
    b.add(a);
    b.check(a, () => {});
    expect(() => b.add(a)).toThrow(/after check/);
  });
});
