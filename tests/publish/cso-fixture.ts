// Synthetic CSO calls for the CSO publisher's tests: known counts per category, source and hour.
import type { SourceCall } from "../../server/publish/cso-source";

export const TZ = "America/Los_Angeles";
let n = 0;

/** A call received at `at`, 10 minutes to scene and 40 to clear unless overridden. */
export function call(at: string, over: Partial<SourceCall> = {}): SourceCall {
  const received = new Date(at);
  n++;
  return {
    id: n,
    category: "theft",
    label: "Theft",
    sensitive: false,
    callSource: "311",
    receivedAt: received,
    onSceneAt: new Date(received.getTime() + 10 * 60_000),
    clearedAt: new Date(received.getTime() + 40 * 60_000),
    areaSlug: "old-town",
    areaName: "Old Town",
    lat: 33.884,
    lon: -118.355,
    outcome: "resolved",
    referrals: [],
    reportWritten: false,
    fingerprintsCollected: false,
    dnaCollected: false,
    swornBackupRequested: false,
    ...over,
  };
}

/** `count` calls spread one hour apart from `start`. */
export function calls(count: number, start: string, over: Partial<SourceCall> = {}): SourceCall[] {
  const t0 = Date.parse(start);
  return Array.from({ length: count }, (_, i) => call(new Date(t0 + i * 3600_000).toISOString(), over));
}

export const EMPTY_BASELINE = {
  overall: { key: "*", label: "All calls", n: 0, med: null, clear_med: null, first_day: null, last_day: null },
  byCategory: [],
  byMonth: [],
};
