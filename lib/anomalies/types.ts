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
  "no_case_number",
  "outside_hours",
  "camera_burst",
  "export_no_case",
  "sensitive_site",
  "flight_no_call",
  "flight_detour",
  "flight_long",
] as const;
export type RuleName = (typeof RULE_NAMES)[number];

/** Short titles for lists and published finding counts. */
export const RULE_TITLES: Record<RuleName, string> = {
  no_case_number: "No case number",
  outside_hours: "Outside normal hours",
  camera_burst: "Many cameras in a short time",
  export_no_case: "Export or outside share with no case number",
  sensitive_site: "Camera near a sensitive site",
  flight_no_call: "Flight with no call for service",
  flight_detour: "Flight path much longer than the trip",
  flight_long: "Unusually long flight",
};

export type CameraAccess = {
  id: number;
  personnelId: number;
  cameraId: number;
  operation: "live_view" | "playback" | "export" | "share";
  startedAt: Date;
  caseNumber: string | null;
  sharedWithAgencyId: number | null;
};

export type Camera = { id: number; name: string; lat: number; lon: number };
export type SensitiveSite = { name: string; kind: string; lat: number; lon: number; radiusM: number };

export type AlprSearch = { id: number; agencyId: number; searchedAt: Date; caseNumber: string | null };

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
  path: [number, number][] | null;
};

export function hasValue(s: string | null | undefined): boolean {
  return typeof s === "string" && s.trim() !== "";
}
