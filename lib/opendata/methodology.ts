// Words for the methodology page. Rule VALUES come from lib/publish/rules.ts at render time;
// only the explanations are written here, so the page can never show a value that is not in force.
import type { Rules } from "../publish/rules";

export type RuleRow = { setting: string; name: string; value: string; meaning: string };

const meanings: Record<string, string> = {
  minCount:
    'Smallest count published. Counts from 1 up to one less than this are shown as "fewer than" this number; zero may be shown.',
  minEventsForRate:
    "Fewest events a rate, share, median or average may be built on; below it the figure is not published.",
  h3Resolution:
    "Resolution of the H3 hexagon cells places are generalized to (resolution 8 is about 0.74 km², 460 m edge).",
  h3ParentResolution:
    "Resolution a sparse cell (fewer events than the smallest count) is merged into, or the cell is left out.",
  sensitiveH3Resolution: "Finest place published for sensitive call categories (resolution 7 is about 5 km²).",
  pathTrimMeters:
    "Metres of a flight path removed before its destination (plus every point inside the destination's cell).",
  pathMaxPoints: "Most points kept in a published flight path after simplification.",
  coordinateDecimals: "Decimals kept in published coordinates (4 decimals is about 11 m).",
  timeRounding: "Unit public timestamps are rounded down to.",
  sensitiveTimeRounding: "Unit timestamps of sensitive call categories are rounded down to.",
  "delayHours.droneFlights": "Hours after a flight lands before it is published.",
  "delayHours.droneFlightsSensitive": "Hours after a sensitive-category flight lands before it is published.",
  "delayHours.cameraAccess": "Hours after a camera access ends before it is published.",
  "delayHours.alprSearches": "Hours after a plate-reader search before it is published.",
  "delayHours.csoActivities": "Hours after a Community Safety Officer call closes before it is published.",
  sensitiveSiteBufferM:
    "Metres added to each sensitive site's own radius (shelters, clinics, places of worship, schools): nothing inside is published.",
  "protectedCategory.code": "Category code every sensitive call type carries in the row-level logs and their filters.",
  "protectedCategory.label": "The words shown for every sensitive call type in the row-level logs.",
  leakRadiusMeters:
    "Automated tests fail the build if any published coordinate lies within this distance of a planted sensitive point.",
  "pathSensitiveExclusion.resolution":
    "Size of the hexagon cell around a sensitive call's scene that no published flight path may enter (resolution 9 is about 0.1 km²).",
  "pathSensitiveExclusion.ring": "Rings of neighbouring cells around that scene cell that paths are kept out of too.",
  "pathSensitiveExclusion.hours":
    "Hours before and after a sensitive call during which every flight's published path avoids its scene.",
};

/** The plain-English name of each setting; the code name is shown beside it for reference. */
const names: Record<string, string> = {
  minCount: "Smallest published count",
  minEventsForRate: "Fewest events behind a rate or average",
  h3Resolution: "Size of map cells",
  h3ParentResolution: "Size of merged map cells",
  sensitiveH3Resolution: "Finest place for sensitive calls",
  pathTrimMeters: "Path removed before the scene",
  pathMaxPoints: "Most points in a flight path",
  coordinateDecimals: "Decimals in coordinates",
  "pathSensitiveExclusion.resolution": "Area kept clear around a sensitive scene",
  "pathSensitiveExclusion.ring": "Extra cells kept clear around it",
  "pathSensitiveExclusion.hours": "Time around a sensitive call that paths avoid its scene",
  timeRounding: "Time shown for events",
  sensitiveTimeRounding: "Time shown for sensitive calls",
  "delayHours.droneFlights": "Delay before a flight is published",
  "delayHours.droneFlightsSensitive": "Delay before a sensitive flight is published",
  "delayHours.cameraAccess": "Delay before a camera access is published",
  "delayHours.alprSearches": "Delay before a plate-reader search is published",
  "delayHours.csoActivities": "Delay before a CSO call is published",
  sensitiveSiteBufferM: "Buffer around sensitive sites",
  "protectedCategory.code": "Code for protected call types",
  "protectedCategory.label": "Label for protected call types",
  leakRadiusMeters: "Distance checked by the leak test",
};

/** Every setting of the rules module, flattened (delayHours.droneFlights …), with its value. */
export function ruleRows(r: Rules): RuleRow[] {
  const out: RuleRow[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === "object") walk(v as Record<string, unknown>, key);
      else
        out.push({
          setting: key,
          name: names[key] ?? key,
          value: formatValue(key, v),
          meaning: meanings[key] ?? "(no description yet)",
        });
    }
  };
  walk(r, "");
  return out;
}

function formatValue(key: string, v: unknown): string {
  if (typeof v === "number" && key.endsWith("BufferM")) return `${v} m`;
  if (typeof v === "number" && key.startsWith("delayHours."))
    return v % 24 === 0 && v >= 48 ? `${v} hours (${v / 24} days)` : `${v} hours`;
  if (typeof v === "number" && key.endsWith("Meters")) return `${v} m`;
  if (typeof v === "number" && key.endsWith(".hours")) return `${v} hours`;
  return String(v);
}

export type KnownIssue = { since: string; dataset: string; issue: string };

/** Known problems with the published data, kept until they are fixed. */
export const knownIssues: KnownIssue[] = [
  {
    since: "2026-11-22",
    dataset: "All published datasets",
    issue:
      "A download that is running while a new publication replaces the tables may mix rows from the two publications. Download again if as_of changed; API pages report this (HTTP 409) instead.",
  },
  {
    since: "2026-11-22",
    dataset: "Drone flight log",
    issue:
      "Flights recorded by the vendor without a dispatch time have no time to scene (empty), and are left out of the median time to scene.",
  },
  {
    since: "2026-11-22",
    dataset: "Counts and rollups",
    issue:
      'Totals may not equal the sum of the rows shown: hidden counts ("fewer than 11") are part of the totals, and some totals are hidden so that no small count can be worked out by subtraction.',
  },
];
