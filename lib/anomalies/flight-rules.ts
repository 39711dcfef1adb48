// Rules over drone flights: the city promised no general surveillance, so every flight should
// answer a call, go fairly directly to it, and take about as long as similar flights.
import type { AnomalyConfig } from "./config";
import { distanceM } from "./geo";
import { hasValue, type Flag, type Flight, type PathPoints } from "./types";

export function flightNoCall(f: Flight): Flag | null {
  if (hasValue(f.callNumber)) return null;
  return {
    recordType: "drone_flight",
    recordId: f.id,
    rule: "flight_no_call",
    occurredAt: f.launchedAt,
    explanation:
      "The flight has no linked call for service. The city promised drones fly only to calls, not for general surveillance.",
    details: {},
  };
}

const pointCount = (p: PathPoints) => (p instanceof Float64Array ? p.length >> 1 : p.length);
const pointAt = (p: PathPoints, i: number) =>
  p instanceof Float64Array ? { lon: p[2 * i], lat: p[2 * i + 1] } : { lon: p[i][0], lat: p[i][1] };

/** Path length from launch to the point closest to the destination (the trip to the call). */
export function outboundLegM(path: PathPoints, dest: { lat: number; lon: number }): number {
  let best = 0;
  let bestD = Infinity;
  const n = pointCount(path);
  for (let i = 0; i < n; i++) {
    const d = distanceM(pointAt(path, i), dest);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  let total = 0;
  for (let i = 1; i <= best; i++) total += distanceM(pointAt(path, i - 1), pointAt(path, i));
  return total;
}

/**
 * The trip to the call was more than maxRatio × the straight line from launch to the call.
 * With a recorded path the outbound leg is measured; with only a total distance, the total is
 * compared with a direct round trip (2 × the straight line), so the return leg never counts against it.
 */
export function flightDetour(f: Flight, cfg: AnomalyConfig): Flag | null {
  if (!f.origin || !f.dest) return null;
  const straight = distanceM(f.origin, f.dest);
  if (straight < cfg.flightDetour.minStraightLineM) return null;
  const max = cfg.flightDetour.maxRatio;
  const base = {
    recordType: "drone_flight" as const,
    recordId: f.id,
    rule: "flight_detour" as const,
    occurredAt: f.launchedAt,
  };
  const km = (m: number) => (m / 1000).toFixed(1);
  if (f.path && pointCount(f.path) > 1) {
    const outbound = outboundLegM(f.path, f.dest);
    const ratio = outbound / straight;
    if (ratio <= max) return null;
    return {
      ...base,
      explanation: `On the way to the call the drone flew ${km(outbound)} km, but the call was ${km(straight)} km away in a straight line: ${ratio.toFixed(1)} times the direct distance (the limit is ${max}×). It may have flown somewhere other than the call.`,
      details: {
        outboundM: Math.round(outbound),
        straightLineM: Math.round(straight),
        ratio: Number(ratio.toFixed(2)),
        measured: "path",
      },
    };
  }
  if (f.distanceFlownM === null || f.distanceFlownM <= 0) return null;
  const ratio = f.distanceFlownM / (2 * straight);
  if (ratio <= max) return null;
  return {
    ...base,
    explanation: `The drone flew ${km(f.distanceFlownM)} km in all for a call ${km(straight)} km away: ${ratio.toFixed(1)} times a direct round trip (the limit is ${max}×). It may have flown somewhere other than the call.`,
    details: {
      flownM: Math.round(f.distanceFlownM),
      straightLineM: Math.round(straight),
      ratio: Number(ratio.toFixed(2)),
      measured: "total_distance",
    },
  };
}

/** The p-th percentile (nearest-rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Flights longer than the category's p99 (only for categories with enough flights to say). */
export function flightLong(flights: Flight[], cfg: AnomalyConfig, labels: Map<string, string> = new Map()): Flag[] {
  const byCat = new Map<string, Flight[]>();
  for (const f of flights) {
    const list = byCat.get(f.category);
    if (list) list.push(f);
    else byCat.set(f.category, [f]);
  }
  const flags: Flag[] = [];
  for (const [category, list] of byCat) {
    if (list.length < cfg.flightDuration.minFlightsInCategory) continue;
    const mins = list.map((f) => (f.landedAt.getTime() - f.launchedAt.getTime()) / 60_000);
    const limit = percentile(mins, cfg.flightDuration.percentile);
    list.forEach((f, i) => {
      if (mins[i] <= limit) return;
      flags.push({
        recordType: "drone_flight",
        recordId: f.id,
        rule: "flight_long",
        occurredAt: f.launchedAt,
        explanation: `The flight lasted ${Math.round(mins[i])} minutes, longer than ${cfg.flightDuration.percentile}% of "${labels.get(category) ?? category}" flights (${Math.round(limit)} minutes or less).`,
        details: {
          minutes: Math.round(mins[i]),
          limitMinutes: Math.round(limit),
          category,
          flightsInCategory: list.length,
        },
      });
    });
  }
  return flags;
}
