// Plate-reader, CSO and camera-inventory formats.
import type { FormatMapping } from "../types";

export const daylightAlprSearches: FormatMapping = {
  name: "daylight-alpr-searches",
  dataset: "alpr_searches",
  title: "Daylight canonical plate-reader searches",
  description: "The portal's own CSV/JSON for plate-reader search audits.",
  kinds: ["csv", "json"],
  source: "daylight",
  create: { agencies: true, personnel: true },
  columns: [
    { from: "source", to: "source", convert: "text", doc: "Source system (default: daylight)" },
    { from: "external_id", to: "externalId", convert: "text", required: true, doc: "Stable id of the search" },
    {
      from: "user",
      to: "user",
      convert: "text",
      required: true,
      doc: "Name or id of the person who searched (raw only)",
    },
    {
      from: "user_agency",
      to: "userAgency",
      convert: "text",
      doc: "The person's agency (default: the city's law-enforcement agency)",
    },
    { from: "searched_at", to: "searchedAt", convert: "timestamp", required: true, doc: "When the search ran" },
    { from: "reason", to: "reason", convert: "text", required: true, doc: "Stated reason" },
    { from: "offense_type", to: "offenseType", convert: "text", doc: "Offense type" },
    { from: "case_number", to: "caseNumber", convert: "text", doc: "Case number (raw only)" },
    { from: "network_count", to: "networkCount", convert: "int", doc: "Number of networks searched" },
    { from: "networks", to: "networks", convert: "list", doc: "Networks searched, separated by ;" },
  ],
};

export const alprSearchAudit: FormatMapping = {
  name: "alpr-search-audit",
  dataset: "alpr_searches",
  title: "Plate-reader transparency-portal search audit",
  description:
    "A plate-reader vendor's search audit as its transparency portals publish it: id, userId, searchDate, cameraCount or networkCount, reason (offense type and case number are optional). Users are matched by id within the city's law-enforcement agency and created if new.",
  kinds: ["csv", "json"],
  source: "alpr-audit",
  create: { agencies: true, personnel: true },
  columns: [
    { from: "id", to: "externalId", convert: "text", required: true, doc: "Search id" },
    { from: "userId", to: "user", convert: "redactable", required: true, doc: "User id (raw only)" },
    { from: "searchDate", to: "searchedAt", convert: "timestamp", required: true, doc: "Date and time of the search" },
    { from: "networkCount", to: "networkCount", convert: "int", doc: "Networks searched" },
    { from: "cameraCount", to: "devicesSearched", convert: "int", doc: "Cameras searched" },
    { from: "offenseType", to: "offenseType", convert: "redactable", doc: "Offense type" },
    { from: "caseNumber", to: "caseNumber", convert: "redactable", doc: "Case number (raw only)" },
    { from: "reason", to: "reason", convert: "redactable", required: true, doc: "Stated reason" },
  ],
};

const orgAuditNote =
  "Redacted cells (***, REDACTED or blank) are no value; the search is kept. A licence plate is stored only as a keyed HMAC (repeat searches of one plate match; never published).";

export const alprOrgAudit: FormatMapping = {
  name: "alpr-org-audit",
  dataset: "alpr_searches",
  title: "Plate-reader organization search audit (10 columns)",
  description: `Searches other organizations ran on the city's plate readers, as released under public-records requests: ID, Org_Name, Total_Networks_Searched, Total_Devices_Searched, Time_Frame_Start, Time_Frame_End, Reason, Search_Time, Search_Type, Moderation. Times like 11/14/2025, 09:53:36 AM UTC. ${orgAuditNote}`,
  kinds: ["csv", "json"],
  source: "alpr-org-audit",
  create: { agencies: true, personnel: true },
  columns: [
    { from: "ID", to: "externalId", convert: "text", required: true, doc: "Search id" },
    { from: "Org_Name", to: "userAgency", convert: "redactable", required: true, doc: "Searching organization" },
    {
      from: "Total_Networks_Searched",
      to: "networkCount",
      convert: "int",
      required: true,
      doc: "Networks searched",
    },
    { from: "Total_Devices_Searched", to: "devicesSearched", convert: "int", doc: "Cameras searched" },
    { from: "Time_Frame_Start", to: "windowStart", convert: "timestamp", doc: "Start of the footage window searched" },
    { from: "Time_Frame_End", to: "windowEnd", convert: "timestamp", doc: "End of the footage window searched" },
    { from: "Reason", to: "reason", convert: "redactable", doc: "Stated reason" },
    { from: "Search_Time", to: "searchedAt", convert: "timestamp", required: true, doc: "When the search ran" },
    { from: "Search_Type", to: "searchType", convert: "redactable", doc: "Kind of search" },
    { from: "Moderation", to: "moderation", convert: "redactable", doc: "Vendor moderation result" },
  ],
};

export const alprOrgAuditDetailed: FormatMapping = {
  name: "alpr-org-audit-detailed",
  dataset: "alpr_searches",
  title: "Plate-reader organization search audit (13 columns)",
  description: `The longer organization audit: ID, Name, Org Name, Total Networks Searched, Time Frame (one cell, possibly two lines), License Plate, Reason, Case #, Filters, Search Time, Search Type, Text Prompt, Moderation. ${orgAuditNote} Filters and text prompts are not stored.`,
  kinds: ["csv", "json"],
  source: "alpr-org-audit",
  create: { agencies: true, personnel: true },
  columns: [
    { from: "ID", to: "externalId", convert: "text", required: true, doc: "Search id" },
    { from: "Name", to: "user", convert: "redactable", doc: "Person who searched (raw only)" },
    { from: "Org Name", to: "userAgency", convert: "redactable", required: true, doc: "Searching organization" },
    {
      from: "Total Networks Searched",
      to: "networkCount",
      convert: "int",
      required: true,
      doc: "Networks searched",
    },
    { from: "Time Frame", to: "window", convert: "timeWindow", doc: "Footage window searched, start and end" },
    { from: "License Plate", to: "plate", convert: "redactable", doc: "Plate searched: stored only as a keyed HMAC" },
    { from: "Reason", to: "reason", convert: "redactable", doc: "Stated reason" },
    { from: "Case #", to: "caseNumber", convert: "redactable", doc: "Case number (raw only)" },
    { from: "Filters", convert: "text", doc: "Recognized, not stored" },
    { from: "Search Time", to: "searchedAt", convert: "timestamp", required: true, doc: "When the search ran" },
    { from: "Search Type", to: "searchType", convert: "redactable", doc: "Kind of search" },
    { from: "Text Prompt", convert: "text", doc: "Recognized, not stored (free text)" },
    { from: "Moderation", to: "moderation", convert: "redactable", doc: "Vendor moderation result" },
  ],
};

export const daylightAlprDaily: FormatMapping = {
  name: "daylight-alpr-daily",
  dataset: "alpr_daily",
  title: "Daylight canonical plate-reader daily counts",
  description: "Detections and hotlist hits per plate reader per day; re-importing a day replaces its counts.",
  kinds: ["csv", "json"],
  source: "daylight",
  columns: [
    {
      from: "camera",
      to: "camera",
      convert: "text",
      required: true,
      doc: "Plate reader name (must be in the camera inventory)",
    },
    { from: "day", to: "day", convert: "date", required: true, doc: "Day, YYYY-MM-DD" },
    { from: "detections", to: "detections", convert: "int", required: true, doc: "Plates read that day" },
    { from: "hotlist_hits", to: "hotlistHits", convert: "int", required: true, doc: "Hotlist hits that day" },
  ],
};

export const daylightCso: FormatMapping = {
  name: "daylight-cso-activities",
  dataset: "cso_activities",
  title: "Daylight canonical CSO activities",
  description: "The portal's own CSV/JSON for Community Safety Officer calls.",
  kinds: ["csv", "json"],
  source: "daylight",
  create: { personnel: true },
  columns: [
    { from: "source", to: "source", convert: "text", doc: "Source system (default: daylight)" },
    { from: "external_id", to: "externalId", convert: "text", required: true, doc: "Stable id of the activity" },
    { from: "call_number", to: "callNumber", convert: "text", doc: "Call number (raw only)" },
    { from: "call_type", to: "callTypeRaw", convert: "text", doc: "Call type as written; mapped to a category" },
    { from: "category", to: "category", convert: "text", doc: "Call category code (overrides call_type mapping)" },
    { from: "call_source", to: "callSource", convert: "text", required: true, doc: "911, 311 or self_initiated" },
    { from: "received_at", to: "receivedAt", convert: "timestamp", required: true, doc: "Call received" },
    { from: "on_scene_at", to: "onSceneAt", convert: "timestamp", doc: "CSO on scene" },
    { from: "cleared_at", to: "clearedAt", convert: "timestamp", doc: "Call cleared" },
    { from: "area", to: "area", convert: "text", doc: "Area slug or name (else the area containing lat/lon)" },
    { from: "lat", to: "lat", convert: "number", doc: "Latitude (raw only)" },
    { from: "lon", to: "lon", convert: "number", doc: "Longitude (raw only)" },
    { from: "officer", to: "officer", convert: "text", doc: "CSO's name (raw only)" },
    {
      from: "officer_agency",
      to: "officerAgency",
      convert: "text",
      doc: "CSO's agency (default: the city's law-enforcement agency)",
    },
    {
      from: "outcome",
      to: "outcome",
      convert: "text",
      required: true,
      doc: "resolved, referred, report_taken, transferred_to_sworn, no_contact or cancelled",
    },
    {
      from: "referrals",
      to: "referrals",
      convert: "list",
      doc: "Referral service types separated by ; (housing, mental_health, …)",
    },
    { from: "report_written", to: "reportWritten", convert: "bool", doc: "true/false" },
    { from: "fingerprints_collected", to: "fingerprintsCollected", convert: "bool", doc: "true/false" },
    { from: "dna_collected", to: "dnaCollected", convert: "bool", doc: "true/false" },
    { from: "sworn_backup_requested", to: "swornBackupRequested", convert: "bool", doc: "true/false" },
    { from: "narrative", to: "narrative", convert: "text", doc: "Free text (raw only, never published)" },
  ],
};

export const daylightCameras: FormatMapping = {
  name: "daylight-cameras",
  dataset: "cameras",
  title: "Daylight canonical camera inventory",
  description:
    "One row per camera, matched by name (case and surrounding spaces ignored): new names are added, known ones updated.",
  kinds: ["csv", "json"],
  source: "daylight",
  create: { agencies: true },
  columns: [
    { from: "name", to: "name", convert: "text", required: true, doc: "Camera name" },
    { from: "kind", to: "kind", convert: "text", required: true, doc: "fixed, ptz or plate_reader" },
    { from: "owner", to: "owner", convert: "text", required: true, doc: "city, other_agency or private" },
    { from: "owner_agency", to: "ownerAgency", convert: "text", doc: "Owning agency" },
    { from: "owner_name", to: "ownerName", convert: "text", doc: "Business owning a private camera (raw only)" },
    {
      from: "network",
      to: "network",
      convert: "text",
      doc: "police, street_lighting, transportation, general_services, private_business or other",
    },
    { from: "site_name", to: "siteName", convert: "text", required: true, doc: "Site (intersection or building)" },
    { from: "lat", to: "lat", convert: "number", required: true, doc: "Latitude" },
    { from: "lon", to: "lon", convert: "number", required: true, doc: "Longitude" },
    { from: "area", to: "area", convert: "text", doc: "Area slug or name (else the area containing the point)" },
    { from: "status", to: "status", convert: "text", doc: "active, inactive, planned or removed" },
    { from: "installed_at", to: "installedAt", convert: "date", doc: "Installation date" },
    { from: "retention_days", to: "retentionDays", convert: "int", doc: "Plate readers: days detections are kept" },
  ],
};
