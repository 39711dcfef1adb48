// The council scorecard's metrics: which program each belongs to and how to say it in a sentence.
// Targets come from staff (metric_targets); values from published tables only.

export type Unit = "seconds" | "minutes" | "share" | "count";
export type Direction = "lower_is_better" | "higher_is_better";

export const scorecardPrograms = [
  { key: "drones", label: "Drones as first responders", slugs: ["drones"] },
  { key: "cameras", label: "Cameras and the watch center", slugs: ["fixed_cameras", "watch_center"] },
  { key: "plate_readers", label: "License plate readers", slugs: ["plate_readers"] },
  { key: "cso", label: "Community Safety Officers", slugs: ["cso"] },
] as const;

export type ScorecardProgramKey = (typeof scorecardPrograms)[number]["key"];

export type MetricDef = {
  key: string;
  program: ScorecardProgramKey;
  label: string;
  unit: Unit;
  direction: Direction;
  /** Sentence start before the value, e.g. "Drones reached the scene in a median of". */
  lead: string;
  /** Words after the value, e.g. "of drone calls were cleared without a patrol unit". */
  trail?: string;
  /** How the baseline is described: "by patrol before the pilot". */
  baselineLabel?: string;
};

export const metricCatalog: MetricDef[] = [
  { key: "drone_median_time_to_scene_sec", program: "drones", label: "Median drone time to scene", unit: "seconds", direction: "lower_is_better", lead: "Drones reached the scene in a median of", baselineLabel: "by patrol before the pilot" },
  { key: "drone_share_cleared_no_patrol", program: "drones", label: "Calls cleared without a patrol unit", unit: "share", direction: "higher_is_better", lead: "", trail: "of drone calls were cleared without sending a patrol unit" },
  { key: "drone_share_first_on_scene", program: "drones", label: "Drone first on scene", unit: "share", direction: "higher_is_better", lead: "", trail: "of drone flights arrived before any patrol unit" },
  { key: "camera_share_with_case", program: "cameras", label: "Camera accesses linked to a case", unit: "share", direction: "higher_is_better", lead: "", trail: "of camera accesses were linked to a case number" },
  { key: "alpr_share_with_case", program: "plate_readers", label: "Plate-reader searches linked to a case", unit: "share", direction: "higher_is_better", lead: "", trail: "of plate-reader searches were linked to a case number" },
  { key: "cso_median_response_min", program: "cso", label: "Median CSO response time", unit: "minutes", direction: "lower_is_better", lead: "Community Safety Officers arrived in a median of", baselineLabel: "by patrol before the pilot" },
  { key: "cso_share_no_sworn", program: "cso", label: "CSO calls handled without sworn backup", unit: "share", direction: "higher_is_better", lead: "", trail: "of CSO calls were handled without a sworn deputy" },
];

/** Staff-entered unit strings ("sec", "percent", "min"…) → the unit the scorecard formats. */
export function normalizeUnit(unit: string): Unit {
  const u = unit.trim().toLowerCase();
  if (["s", "sec", "secs", "second", "seconds"].includes(u)) return "seconds";
  if (["min", "mins", "minute", "minutes"].includes(u)) return "minutes";
  if (["share", "ratio", "fraction", "percent", "%", "pct", "proportion"].includes(u)) return "share";
  return "count";
}

/** The catalogue entry for a key, or a plain one built from a staff-made target. */
export function metricDef(key: string, fallback?: { label: string; unit: string; direction: Direction }): MetricDef {
  const known = metricCatalog.find((m) => m.key === key);
  if (known) return known;
  const prefix = key.split("_")[0];
  const program: ScorecardProgramKey =
    prefix === "drone" ? "drones" : prefix === "camera" || prefix === "watch" ? "cameras" : prefix === "alpr" || prefix === "plate" ? "plate_readers" : "cso";
  const label = fallback?.label ?? key;
  return { key, program, label, unit: normalizeUnit(fallback?.unit ?? "count"), direction: fallback?.direction ?? "higher_is_better", lead: `${label}:` };
}
