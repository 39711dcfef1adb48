// Plain inputs and outputs of the anomaly rules (no database types, so the rules test alone).
export type RecordType = "camera_access" | "alpr_search" | "drone_flight";

export type Flag = {
  recordType: RecordType;
  recordId: number;
  rule: RuleName;
  explanation: string;
  details: Record<string, unknown>;
  occurredAt: Date;
};

export const RULE_NAMES = [
  "watch_list",
  "sensitive_site",
  "shared_plate",
  "wide_search",
  "vague_reason",
  "no_case_number",
  "volume_spike",
  "camera_burst",
  "unusual_hours",
  "flight_no_call",
  "flight_detour",
  "flight_long",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** Short titles for lists and published finding counts. */
export const RULE_TITLES: Record<RuleName, string> = {
  watch_list: "Reason names protected activity or immigration",
  sensitive_site: "Sensitive-site camera without a case number",
  shared_plate: "Same plate searched by several users",
  wide_search: "Search across many networks or out of state",
  vague_reason: "Vague or boilerplate reason",
  no_case_number: "No case number",
  volume_spike: "Far more than this user's usual volume",
  camera_burst: "Many cameras in a short time",
  unusual_hours: "At an hour this user and peers rarely work",
  flight_no_call: "Flight with no call for service",
  flight_detour: "Flight path much longer than the trip",
  flight_long: "Unusually long flight",
};

/** Rules earlier versions wrote (old findings still name them). */
export const LEGACY_RULE_TITLES: Record<string, string> = {
  outside_hours: "Outside normal hours",
  export_no_case: "Export or outside share with no case number",
};

export function ruleTitle(rule: string): string {
  return RULE_TITLES[rule as RuleName] ?? LEGACY_RULE_TITLES[rule] ?? rule;
}

export type CameraAccess = {
  id: number;
  personnelId: number;
  cameraId: number;
  operation: "live_view" | "playback" | "export" | "share";
  startedAt: Date;
  caseNumber: string | null;
  sharedWithAgencyId: number | null;
  /** Free-text reason typed by the user (never published). */
  reasonText?: string | null;
};

export type Camera = { id: number; name: string; lat: number; lon: number };
export type SensitiveSite = { name: string; kind: string; lat: number; lon: number; radiusM: number };

export type AlprSearch = {
  id: number;
  agencyId: number;
  searchedAt: Date;
  caseNumber: string | null;
  personnelId?: number;
  reason?: string | null;
  offenseType?: string | null;
  networkCount?: number;
  networks?: string[] | null;
  devicesSearched?: number | null;
  plateHmac?: string | null;
};

/** One record by one person, for the per-person baselines (hours, volume). */
export type Activity = { recordType: RecordType; id: number; personnelId: number; role: string; at: Date };

export type Flight = {
  id: number;
  callNumber: string | null;
  category: string;
  launchedAt: Date;
  landedAt: Date;
  /** Launch point: the first path point, else the dock. */
  origin: { lat: number; lon: number } | null;
  dest: { lat: number; lon: number } | null;
  distanceFlownM: number | null;
  path: PathPoints | null;
};

/** A path's points: [lon, lat] pairs, or flat (lon, lat, lon, lat…, as the database stores them in path_xy). */
export type PathPoints = [number, number][] | Float64Array;

export function hasValue(s: string | null | undefined): boolean {
  return typeof s === "string" && s.trim() !== "";
}
