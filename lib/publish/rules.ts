// The publication rules in force. Every value is a named setting;
// the methodology page prints them from here, so what is written is what runs.
export const RULES_VERSION = "2026.12-1";

export const rules = {
  /** No published count between 1 and k-1; shown as "fewer than 11". Zero may be shown. */
  minCount: 11,
  /** Rates and averages need at least this many events. */
  minEventsForRate: 11,
  /** H3 resolution for event locations, and the parent a sparse cell merges into. */
  h3Resolution: 8,
  h3ParentResolution: 7,
  /** Sensitive categories: no location finer than this resolution, no time finer than the day. */
  sensitiveH3Resolution: 7,
  /** Flight paths: metres removed before the destination, point cap, decimals kept. */
  pathTrimMeters: 400,
  pathMaxPoints: 100,
  coordinateDecimals: 4,
  /**
   * No published path of a flight within `hours` of a sensitive call comes near its scene (any
   * flight, not just the sensitive one): points in the scene's res-9 cell or its neighbours
   * (at least ~250 m around it) are dropped, so paths never point to where it happened.
   */
  pathSensitiveExclusion: { resolution: 9, ring: 1, hours: 48 },
  /** Public timestamps are rounded to this unit (sensitive: the day). */
  timeRounding: "hour" as const,
  sensitiveTimeRounding: "day" as const,
  /** Hours after an event ends before it is published. */
  delayHours: {
    droneFlights: 24,
    droneFlightsSensitive: 24 * 7,
    cameraAccess: 24 * 7,
    alprSearches: 24 * 7,
    csoActivities: 24 * 7,
  },
  /**
   * Sensitive sites (city config: shelters, clinics, places of worship, schools): nothing public
   * within a site's own radius plus this buffer, in metres: no camera site, coordinate, path point
   * or H3 cell of resolution 8 or finer. A camera there is published only as a count per area.
   */
  sensitiveSiteBufferM: 50,
  /**
   * Row-level logs (flights, CSO calls, camera accesses, plate-reader searches) show every record of
   * a sensitive category under this one label; the specific category appears only in rollups.
   */
  protectedCategory: { code: "protected", label: "Protected call type" },
  /** Distance within which a published coordinate counts as revealing a sensitive point (leak test). */
  leakRadiusMeters: 150,
} as const;

export type Rules = typeof rules;
