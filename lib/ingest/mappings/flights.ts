// Drone flight formats: the portal's own, Skydio/ArcGIS transparency dashboards, SF open data.
import type { FormatMapping } from "../types";

export const daylightFlights: FormatMapping = {
  name: "daylight-flights",
  dataset: "flights",
  title: "Daylight canonical drone flights",
  description:
    "The portal's own CSV/JSON for drone flights, one row per flight. Times are ISO 8601 (a time without a zone is local to the city).",
  kinds: ["csv", "json"],
  source: "daylight",
  create: { personnel: true },
  columns: [
    { from: "source", to: "source", convert: "text", doc: "Source system of the record (default: daylight)" },
    {
      from: "external_id",
      to: "externalId",
      convert: "text",
      required: true,
      doc: "Stable id of the flight in its source",
    },
    {
      from: "call_number",
      to: "callNumber",
      convert: "text",
      doc: "CAD / call-for-service number (raw only); empty = no linked call",
    },
    {
      from: "call_type",
      to: "callTypeRaw",
      convert: "text",
      doc: "Call type as the source wrote it; mapped to a category",
    },
    { from: "category", to: "category", convert: "text", doc: "Call category code (overrides call_type mapping)" },
    { from: "priority", to: "priority", convert: "int", doc: "Call priority 1–5" },
    { from: "dispatched_at", to: "dispatchedAt", convert: "timestamp", doc: "When the drone was dispatched" },
    { from: "launched_at", to: "launchedAt", convert: "timestamp", required: true, doc: "Takeoff time" },
    { from: "on_scene_at", to: "onSceneAt", convert: "timestamp", doc: "Arrival over the scene" },
    { from: "landed_at", to: "landedAt", convert: "timestamp", required: true, doc: "Landing time" },
    { from: "dock", to: "dock", convert: "text", doc: "Dock slug or name (else the dock nearest the path's start)" },
    {
      from: "pilot",
      to: "pilot",
      convert: "text",
      doc: "Pilot's name (raw only; matched case-insensitively, created if new)",
    },
    {
      from: "pilot_agency",
      to: "pilotAgency",
      convert: "text",
      doc: "Pilot's agency (default: the city's law-enforcement agency)",
    },
    { from: "path", to: "path", convert: "jsonLineString", doc: "Recorded path: GeoJSON LineString or [[lon,lat],…]" },
    {
      from: "dest_lat",
      to: "destLat",
      convert: "number",
      doc: "Destination latitude (else the path point farthest from takeoff)",
    },
    { from: "dest_lon", to: "destLon", convert: "number", doc: "Destination longitude" },
    { from: "area", to: "area", convert: "text", doc: "Area slug or name (else the area containing the destination)" },
    { from: "distance_flown_m", to: "distanceFlownM", convert: "number", doc: "Metres flown (else the path length)" },
    {
      from: "outcome",
      to: "outcome",
      convert: "text",
      doc: "cleared_no_patrol, patrol_dispatched, arrest, no_action, cancelled or other",
    },
    {
      from: "first_on_scene",
      to: "firstOnScene",
      convert: "bool",
      doc: "Drone arrived before any patrol unit (true/false)",
    },
    { from: "footage_retained", to: "footageRetained", convert: "bool", doc: "Footage kept as evidence (true/false)" },
    { from: "description", to: "description", convert: "text", doc: "Free text (raw only, never published)" },
  ],
};

export const skydioFlights: FormatMapping = {
  name: "skydio",
  dataset: "flights",
  title: "Skydio / ArcGIS transparency dashboard flights",
  description:
    "Flights as Skydio-style dashboards publish them: a GeoJSON FeatureCollection of LineString features, an ArcGIS FeatureSet (attributes + paths), or a CSV of the same attributes.",
  kinds: ["geojson", "json", "csv"],
  source: "skydio",
  columns: [
    { from: "flight_id", to: "externalId", convert: "text", required: true, doc: "Vendor flight id" },
    {
      from: "takeoff",
      to: "launchedAt",
      convert: "timestamp",
      required: true,
      doc: "Takeoff, ISO 8601 or epoch milliseconds",
    },
    {
      from: "landing",
      to: "landedAt",
      convert: "timestamp",
      required: true,
      doc: "Landing, ISO 8601 or epoch milliseconds",
    },
    {
      from: "flight_purpose",
      to: "callTypeRaw",
      convert: "text",
      required: true,
      doc: "Purpose / call type; mapped to a category",
    },
    { from: "external_id", to: "callNumber", convert: "text", doc: "The agency's CAD / incident number (raw only)" },
    { from: "description", to: "description", convert: "text", doc: "Free text (raw only)" },
    {
      from: "geometry",
      to: "path",
      convert: "jsonLineString",
      doc: "The feature's LineString geometry (GeoJSON or ArcGIS paths)",
    },
  ],
};

export const sfOpenDataFlights: FormatMapping = {
  name: "sf-open-data",
  dataset: "flights",
  title: "San Francisco open-data drone flight log",
  description:
    "San Francisco's open-data drone log CSV. The log has no flight id: one is derived from the whole row; the landing time from the duration.",
  kinds: ["csv"],
  source: "sf-open-data",
  idFromRow: true,
  columns: [
    { from: "date", to: "launchedAt", convert: "timestamp", required: true, doc: "Takeoff date and time (local)" },
    {
      from: "case_cad_event_number",
      to: "callNumber",
      convert: "text",
      required: true,
      doc: "CAD event number (raw only)",
    },
    {
      from: "flight_duration_minutes",
      to: "durationSec",
      convert: "minutes",
      required: true,
      doc: "Minutes in the air",
    },
    { from: "call_type_original_desc", to: "callTypeRaw", convert: "text", doc: "CAD call type; mapped to a category" },
    {
      from: "reason_for_flight",
      to: "callTypeRaw",
      convert: "text",
      required: true,
      doc: "Reason; used as the call type when the CAD type is empty",
    },
    { from: "location", to: "description", convert: "text", doc: "Address (raw only, never published)" },
    { from: "analysis_neighborhood", to: "area", convert: "text", doc: "Neighborhood, matched to an area by name" },
    { from: "supervisor_district", convert: "text", doc: "Recognized, not stored" },
    { from: "point", to: "destPoint", convert: "wktPoint", doc: "Destination as POINT (lon lat)" },
  ],
};

/** The same log as San Francisco's open-data JSON API serves it: GeoJSON points, date-only dates. */
export const sfOpenDataApiFlights: FormatMapping = {
  ...sfOpenDataFlights,
  name: "sf-open-data-api",
  title: "San Francisco open-data drone flight log (JSON API)",
  description:
    "San Francisco's drone log as its open-data JSON API serves it: `date` is the day only (stored as local midnight with launch precision `day`), `point` a GeoJSON point or absent (location unknown), `analysis_neighborhood` and `case_cad_event_number` optional (the API leaves out empty fields). The log has no flight id: one is derived from the whole row.",
  kinds: ["json"],
  defaults: { launchPrecision: "day" },
  columns: sfOpenDataFlights.columns.map((c) =>
    c.from === "date"
      ? { ...c, convert: "dayStart" as const, doc: "Flight date (the day only)" }
      : c.from === "point"
        ? { ...c, doc: "Destination as a GeoJSON point (or absent: location unknown)" }
        : c.from === "case_cad_event_number"
          ? { ...c, required: false }
          : c,
  ),
};
