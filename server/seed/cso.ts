import "server-only";
// ~6,000 Community Safety Officer calls a year: sources, times, outcomes, referrals, evidence.
import type { csoActivities } from "../../db/schema";
import { at, minuteOfDay, type SeedDay } from "./calendar";
import { csoMix } from "./categories";
import { randomPointIn, round6 } from "./geo";
import type { SeedRef } from "./reference";
import { createRng } from "./rng";

type CsoRow = typeof csoActivities.$inferInsert;
type Outcome = CsoRow["outcome"];
export const CSO_PER_DAY = 16.4;
/** CSOs work two shifts, 7 a.m. to 11 p.m.; a few late calls carry over. */
export const CSO_HOUR_WEIGHTS = [
  0.3, 0.1, 0, 0, 0, 0, 0.2, 2, 3.5, 4.2, 4.5, 4.6, 4.4, 4.5, 4.6, 4.5, 4.3, 4, 3.6, 3.2, 2.7, 2.2, 1.4, 0.7,
] as const;

const REFERRAL_BY_CATEGORY: Record<string, string[]> = {
  encampment: ["housing", "substance_use", "mental_health"],
  mental_health: ["mental_health", "substance_use", "medical"],
  welfare_check: ["senior_services", "medical", "mental_health", "housing"],
  juvenile: ["youth_services"],
  medical: ["medical"],
  noise: ["other"],
  theft: ["victim_services"],
  burglary: ["victim_services"],
  vehicle_burglary: ["victim_services"],
  fraud: ["victim_services", "senior_services"],
};
const NARRATIVES = [
  "Met with reporting party at the front door and took statement.",
  "Spoke with manager; provided case card.",
  "Checked the area, nobody matching the description.",
  "Connected resident with outreach team by phone.",
  "Photographed damage and collected prints from the rear window.",
  "Tagged vehicle with 72-hour notice.",
];

function outcomeMix(grouping: string): [Outcome, number][] {
  if (grouping === "property")
    return [
      ["report_taken", 60],
      ["resolved", 14],
      ["referred", 8],
      ["transferred_to_sworn", 6],
      ["no_contact", 8],
      ["cancelled", 4],
    ];
  if (grouping === "service")
    return [
      ["referred", 42],
      ["resolved", 32],
      ["report_taken", 6],
      ["transferred_to_sworn", 7],
      ["no_contact", 8],
      ["cancelled", 5],
    ];
  return [
    ["resolved", 52],
    ["report_taken", 14],
    ["referred", 12],
    ["transferred_to_sworn", 6],
    ["no_contact", 11],
    ["cancelled", 5],
  ];
}

export function* generateCso(
  ref: SeedRef,
  days: SeedDay[],
  seed: number,
  scale: number,
  populations: number[],
): Generator<CsoRow> {
  const rng = createRng(seed, "cso");
  const areaMix = ref.areas.map((a, i) => [a, populations[i]] as const);
  let serial = 0;
  for (const day of days) {
    const n = rng.poisson(CSO_PER_DAY * scale * (day.weekday === 0 ? 0.8 : 1.03));
    for (let k = 0; k < n; k++) {
      const cat = rng.weighted(csoMix);
      const source = rng.weighted([
        ["911", 25],
        ["311", 50],
        ["self_initiated", 25],
      ] as const);
      const outcome = rng.weighted(outcomeMix(cat.grouping));
      const area = rng.weighted(areaMix);
      const p = randomPointIn(rng, area);
      const received = at(day, minuteOfDay(rng, CSO_HOUR_WEIGHTS), rng.int(0, 59));
      const arrived = !(outcome === "cancelled" && rng.chance(0.6));
      const travel =
        source === "self_initiated"
          ? rng.float(0, 120)
          : source === "911"
            ? rng.logNormal(540, 0.5)
            : rng.logNormal(960, 0.6);
      const onScene = arrived ? received + travel * 1000 : null;
      const work = outcome === "report_taken" ? rng.logNormal(40 * 60, 0.45) : rng.logNormal(24 * 60, 0.5);
      const cleared = onScene === null ? received + rng.float(5, 30) * 60_000 : onScene + work * 1000;
      const pool = REFERRAL_BY_CATEGORY[cat.code] ?? ["other", "housing", "mental_health"];
      const referrals =
        outcome === "referred"
          ? [...new Set([rng.pick(pool), ...(rng.chance(0.3) ? [rng.pick(pool)] : [])])]
          : rng.chance(0.06)
            ? [rng.pick(pool)]
            : [];
      const report = outcome === "report_taken" || rng.chance(0.08);
      const prints =
        report &&
        (cat.code === "burglary"
          ? rng.chance(0.4)
          : cat.code === "vehicle_burglary"
            ? rng.chance(0.25)
            : cat.code === "theft" && rng.chance(0.05));
      const dna =
        report && (cat.code === "burglary" ? rng.chance(0.12) : cat.code === "vehicle_burglary" && rng.chance(0.06));
      const noCallNumber = source === "self_initiated" && rng.chance(0.7);
      yield {
        source: "seed",
        externalId: `CSO-${String(++serial).padStart(7, "0")}`,
        callNumber: noCallNumber
          ? null
          : `CFS-${day.iso.slice(2, 4)}${day.iso.slice(5, 7)}${day.iso.slice(8, 10)}-${String(rng.int(1, 999)).padStart(4, "0")}`,
        callTypeRaw: cat.label.toUpperCase(),
        category: cat.code,
        callSource: source,
        receivedAt: new Date(received),
        onSceneAt: onScene === null ? null : new Date(Math.round(onScene)),
        clearedAt: new Date(Math.round(cleared)),
        areaId: area.id,
        lat: round6(p[1]),
        lon: round6(p[0]),
        officerId: rng.pick(ref.csos).id,
        outcome,
        referrals,
        reportWritten: report,
        fingerprintsCollected: !!prints,
        dnaCollected: !!dna,
        swornBackupRequested: outcome === "transferred_to_sworn" || rng.chance(0.022),
        narrative: rng.pick(NARRATIVES),
      };
    }
  }
}
