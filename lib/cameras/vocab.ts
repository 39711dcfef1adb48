// Controlled vocabularies of the camera and plate-reader records, with the plain-English labels
// residents see. Publishers keep only these codes; raw free text never reaches a published table.
import { ACCESS_OPERATIONS, ACCESS_REASONS, type AccessOperation, type AccessReason } from "../vocab";
import { STANDARD_CATEGORIES } from "../ingest/taxonomy";

export const OPERATIONS = ACCESS_OPERATIONS;
export { ACCESS_REASONS };
export const OPERATION_LABELS: Record<AccessOperation, string> = {
  live_view: "Live view",
  playback: "Playback",
  export: "Export",
  share: "Share",
};

export const ACCESS_REASON_LABELS: Record<AccessReason, string> = {
  investigation: "Investigation",
  incident_response: "Incident response",
  patrol_support: "Patrol support",
  missing_person: "Missing person",
  traffic: "Traffic",
  training: "Training",
  maintenance: "Maintenance",
  audit: "Audit",
  other: "Other",
};

export const ROLES = [
  "watch_center_operator",
  "detective",
  "patrol_deputy",
  "supervisor",
  "analyst",
  "drone_pilot",
  "cso",
  "records",
  "other",
] as const;
export const ROLE_LABELS: Record<string, string> = {
  watch_center_operator: "Watch-center operator",
  detective: "Detective",
  patrol_deputy: "Patrol deputy",
  supervisor: "Supervisor",
  analyst: "Analyst",
  drone_pilot: "Drone pilot",
  cso: "Community Safety Officer",
  records: "Records staff",
  other: "Other",
};

export const OWNER_CLASS_LABELS: Record<string, string> = {
  city: "City",
  other_agency: "Other agency",
  private: "Private (integrated)",
};
export const CAMERA_KIND_LABELS: Record<string, string> = {
  fixed: "Fixed",
  ptz: "Pan-tilt-zoom",
  plate_reader: "Plate reader",
};
export const NETWORK_LABELS: Record<string, string> = {
  police: "Police cameras",
  street_lighting: "Street lighting",
  transportation: "Transportation",
  general_services: "General services",
  private_business: "Private business",
  other: "Other",
};
export const STATUS_LABELS: Record<string, string> = {
  active: "Active",
  inactive: "Inactive",
  planned: "Planned",
  removed: "Removed",
};

/**
 * Plate-reader search purposes as published: the call category the search's raw reason maps to
 * (the call-type mapping staff keep at /staff/call-types; "unclassified" until mapped). A sensitive
 * category publishes as "protected"; a category outside the standard taxonomy as "other".
 */
export const ALPR_REASONS = [
  ...STANDARD_CATEGORIES.filter((c) => !("sensitive" in c && c.sensitive)).map((c) => c.code),
  "protected",
] as const;
export const ALPR_REASON_LABELS: Record<string, string> = {
  ...Object.fromEntries(STANDARD_CATEGORIES.map((c) => [c.code, c.label])),
  protected: "Protected call type",
};
export const ALPR_OFFENSES = [
  "vehicle theft",
  "burglary",
  "robbery",
  "hit and run",
  "assault",
  "missing person",
  "homicide",
  "fraud",
  "narcotics",
  "traffic",
] as const;
export function offenseLabel(code: string): string {
  if (code === "not_recorded") return "Not recorded";
  if (code === "other") return "Other";
  return code.charAt(0).toUpperCase() + code.slice(1);
}
export const SHARING_DIRECTION_LABELS: Record<string, string> = {
  outbound: "We share with them",
  inbound: "They share with us",
  both: "Both directions",
};
export const PROGRAM_LABELS: Record<string, string> = {
  drones: "Drones",
  fixed_cameras: "Fixed cameras",
  watch_center: "Watch center",
  plate_readers: "Plate readers",
  cso: "Community Safety Officers",
};

export const labelOf = (labels: Record<string, string>, code: string) => labels[code] ?? code.replace(/_/g, " ");

/** The camera breakdown counting cameras at sensitive sites per area (they are never shown at their site). */
export const SENSITIVE_SITE_CAMERAS = "sensitive_site_cameras";
/** What an access to a camera at a sensitive site shows instead of the camera, before its area. */
export const SENSITIVE_SITE_PLACE = "camera at a sensitive site";
