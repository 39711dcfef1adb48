import "server-only";
// ~25,000 camera access events a year by ~40 users, following watch-center shifts, with a few
// after-hours bursts and shares to outside agencies for the review area to find.
import type { cameraAccessEvents } from "../../db/schema";
import { ACCESS_HOUR_WEIGHTS, at, minuteOfDay, type SeedDay } from "./calendar";
import type { SeedCamera } from "./cameras";
import type { Person, SeedRef } from "./reference";
import { createRng, type Rng } from "./rng";

type AccessRow = typeof cameraAccessEvents.$inferInsert;
type Op = AccessRow["operation"];
type Reason = NonNullable<AccessRow["reasonCode"]>;
export const ACCESSES_PER_DAY = 68.5;

const OPS_BY_ROLE: Record<string, [Op, number][]> = {
  watch_center_operator: [
    ["live_view", 82],
    ["playback", 15],
    ["export", 2],
    ["share", 1],
  ],
  detective: [
    ["live_view", 30],
    ["playback", 48],
    ["export", 16],
    ["share", 6],
  ],
  patrol_deputy: [
    ["live_view", 86],
    ["playback", 12],
    ["export", 2],
  ],
  supervisor: [
    ["live_view", 60],
    ["playback", 34],
    ["export", 6],
  ],
  analyst: [
    ["live_view", 25],
    ["playback", 62],
    ["export", 13],
  ],
  records: [
    ["playback", 30],
    ["export", 55],
    ["share", 15],
  ],
};
const USER_WEIGHT: Record<string, number> = {
  watch_center_operator: 5,
  detective: 2,
  patrol_deputy: 0.8,
  supervisor: 1,
  analyst: 1.5,
  records: 0.6,
};
const LIVE_REASONS: [Reason, number][] = [
  ["incident_response", 45],
  ["patrol_support", 30],
  ["investigation", 10],
  ["traffic", 8],
  ["missing_person", 2],
  ["training", 2],
  ["maintenance", 2],
  ["other", 1],
];
const REVIEW_REASONS: [Reason, number][] = [
  ["investigation", 70],
  ["incident_response", 14],
  ["traffic", 7],
  ["missing_person", 3],
  ["audit", 2],
  ["other", 4],
];
const REASON_TEXT: Record<Reason, string[]> = {
  investigation: [
    "Reviewing footage for burglary follow-up",
    "Looking for suspect vehicle from robbery",
    "Identify witnesses to assault",
    "Check timeline for theft report",
  ],
  incident_response: [
    "Active call, monitoring scene",
    "Supporting units on disturbance call",
    "Assist with traffic collision scene",
  ],
  patrol_support: ["Overwatch for deputies on foot patrol", "Checking area ahead of unit arrival"],
  missing_person: ["Searching for missing elderly resident", "Missing juvenile last seen near transit center"],
  traffic: ["Collision review", "Traffic backup at intersection"],
  training: ["New operator training"],
  maintenance: ["Camera focus check after repair", "Checking PTZ presets"],
  audit: ["Quarterly use audit sample"],
  other: ["Requested by supervisor", "See notes"],
};
const CLIENTS: [string, number][] = [
  ["VMS Desktop 5.11", 70],
  ["VMS Web", 20],
  ["VMS Mobile", 10],
];
const SHARE_AGENCIES = ["harbor_city_pd", "bayside_pd", "county_da", "highway_patrol", "fusion_center", "federal"];

function caseNumber(rng: Rng, day: SeedDay): string {
  return `LKM-${day.iso.slice(2, 4)}-${String(rng.int(1, 9999)).padStart(6, "0")}`;
}

export function* generateAccesses(
  ref: SeedRef,
  cams: SeedCamera[],
  days: SeedDay[],
  seed: number,
  scale: number,
): Generator<AccessRow> {
  const rng = createRng(seed, "camera-access");
  const users = ref.cameraUsers;
  const heavy = users.find((u) => u.role === "watch_center_operator");
  const userMix = users.map(
    (u) =>
      [
        u,
        (u === heavy ? 3 : 1) * (USER_WEIGHT[u.role] ?? 0.3) * (u.agencyId === ref.agencyIds.sheriff ? 1 : 0.15),
      ] as const,
  );
  const viewable = cams.filter((c) => c.kind !== "plate_reader");
  const camMix = viewable.map((c) => [c, c.owner === "private" ? 0.3 : c.network === "police" ? 1.4 : 0.6] as const);
  const burstUsers = users.filter((u) => u.role === "watch_center_operator" || u.role === "patrol_deputy");
  let serial = 0;
  const id = () => `AC-${String(++serial).padStart(8, "0")}`;
  const burstDays = new Set<number>();
  while (burstDays.size < Math.min(days.length, Math.round(8 * scale))) burstDays.add(rng.int(0, days.length - 1));

  for (const [d, day] of days.entries()) {
    const factor = day.weekday === 0 || day.weekday === 6 ? 0.75 : 1.1;
    const n = rng.poisson(ACCESSES_PER_DAY * scale * factor);
    for (let k = 0; k < n; k++) {
      const user: Person = rng.weighted(userMix);
      const op = rng.weighted(OPS_BY_ROLE[user.role] ?? OPS_BY_ROLE.analyst);
      const reason = rng.weighted(op === "live_view" ? LIVE_REASONS : REVIEW_REASONS);
      const start = at(day, minuteOfDay(rng, ACCESS_HOUR_WEIGHTS), rng.int(0, 59));
      const seconds =
        op === "live_view" ? rng.logNormal(360, 0.7) : op === "playback" ? rng.logNormal(540, 0.6) : rng.float(60, 900);
      const review = op !== "live_view";
      const footageEnd = review ? start - rng.float(0.2, 72) * 3600_000 : null;
      const noCase = reason === "training" || reason === "maintenance" || rng.chance(0.02);
      yield {
        source: "seed",
        externalId: id(),
        personnelId: user.id,
        agencyId: user.agencyId,
        userRole: user.role,
        cameraId: rng.weighted(camMix).id,
        operation: op,
        footageStart: footageEnd === null ? null : new Date(Math.round(footageEnd - rng.float(5, 60) * 60_000)),
        footageEnd: footageEnd === null ? null : new Date(Math.round(footageEnd)),
        startedAt: new Date(start),
        endedAt: new Date(Math.round(start + Math.max(20, Math.min(3600, seconds)) * 1000)),
        reasonCode: reason,
        reasonText: rng.pick(REASON_TEXT[reason]),
        caseNumber: noCase ? null : caseNumber(rng, day),
        clientApp: rng.weighted(CLIENTS),
        sharedWithAgencyId: op === "share" && rng.chance(0.6) ? ref.agencyIds[rng.pick(SHARE_AGENCIES)] : null,
      };
    }
    if (burstDays.has(d)) yield* burst(rng, day, rng.pick(burstUsers), viewable, id);
  }
}

/** One user flicking through 8–12 cameras within ten minutes around 2 a.m. */
function* burst(rng: Rng, day: SeedDay, user: Person, cams: SeedCamera[], id: () => string): Generator<AccessRow> {
  const pool = [...cams];
  const n = Math.min(pool.length, rng.int(8, 12));
  let t = at(day, 60 + rng.int(45, 90));
  const noCase = rng.chance(0.6);
  for (let i = 0; i < n; i++) {
    const cam = pool.splice(rng.int(0, pool.length - 1), 1)[0];
    const dur = rng.int(25, 55);
    yield {
      source: "seed",
      externalId: id(),
      personnelId: user.id,
      agencyId: user.agencyId,
      userRole: user.role,
      cameraId: cam.id,
      operation: "live_view",
      startedAt: new Date(t),
      endedAt: new Date(t + dur * 1000),
      reasonCode: noCase ? "other" : "patrol_support",
      reasonText: noCase ? null : "Area check",
      caseNumber: noCase ? null : `LKM-${day.iso.slice(2, 4)}-${String(rng.int(1, 9999)).padStart(6, "0")}`,
      clientApp: "VMS Desktop 5.11",
      sharedWithAgencyId: null,
      footageStart: null,
      footageEnd: null,
    };
    t += (dur + rng.int(5, 20)) * 1000;
  }
}
