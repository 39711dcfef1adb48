// Leak-test canaries: known values planted in the raw tables (names, case numbers, a free-text
// note, the exact point of a sensitive call) that no public page, API response or export may ever
// contain. Plain values, so the browser tests can read them; server/publish/canaries.ts plants them.
export const CANARY = {
  pilotName: "Zephyrine Quillfeather",
  deputyName: "Bartholomew Vantablack",
  badgeNumber: "BADGE-CANARY-0090",
  caseNumber: "CASE-CANARY-7731",
  callNumber: "CFS-CANARY-4402",
  note: "canary note behind the blue laundromat door",
  /**
   * The exact scene of a sensitive (domestic violence) call: nothing may be published within 150 m.
   * Chosen at least 190 m from every public geometry of the demo city (area outlines, docks,
   * sensitive sites, the camera street grid, H3 res-7/8 centres and vertices, and every path the
   * demo data publishes), so a coordinate within 150 m can only have come from this call.
   * Another city's data needs its own point.
   */
  sensitivePoint: { lat: 33.8816, lon: -118.3623 },
} as const;

/** Every string a public page must not contain. */
export const CANARY_STRINGS: string[] = [
  CANARY.pilotName,
  CANARY.deputyName,
  CANARY.badgeNumber,
  CANARY.caseNumber,
  CANARY.callNumber,
  CANARY.note,
  "Quillfeather",
  "Vantablack",
  "CANARY",
];
