import "server-only";
// Per dataset: how a checked record becomes a table row (names resolved to ids) and how rows are
// upserted (natural key per source). Formats never reach this file: they all produce the same records.
import type { FormatMapping, Dataset } from "../../../lib/ingest/types";
import type { FlightRecord } from "../../../lib/ingest/datasets/flights";
import type { CameraAccessRecord } from "../../../lib/ingest/datasets/camera-access";
import type { AlprDailyRecord, AlprSearchRecord } from "../../../lib/ingest/datasets/alpr";
import type { CsoRecord } from "../../../lib/ingest/datasets/cso";
import type { CameraRecord } from "../../../lib/ingest/datasets/cameras";
import { about, type Refs } from "./refs";
import type { UpsertSpec } from "./sql";

type Row = Record<string, unknown>;
export type Writer = { upsert: UpsertSpec; toRow(rec: never, refs: Refs, format: FormatMapping): Promise<Row> };

const ts = "timestamptz";

const flights: Writer = {
  upsert: {
    table: "drone_flights",
    conflict: ["source", "external_id"],
    touch: "updated_at = now()",
    columns: [
      ["source", "text"],
      ["external_id", "text"],
      ["call_number", "text"],
      ["call_type_raw", "text"],
      ["category", "text"],
      ["sensitive", "boolean"],
      ["priority", "smallint"],
      ["dispatched_at", ts],
      ["launched_at", ts],
      ["launch_precision", "text"],
      ["on_scene_at", ts],
      ["landed_at", ts],
      ["dock_id", "integer"],
      ["pilot_id", "integer"],
      ["path", "jsonb"],
      ["dest_lat", "double precision"],
      ["dest_lon", "double precision"],
      ["area_id", "integer"],
      ["distance_flown_m", "real"],
      ["outcome", "flight_outcome"],
      ["first_on_scene", "boolean"],
      ["footage_retained", "boolean"],
      ["description", "text"],
    ],
  },
  async toRow(r: FlightRecord, refs, format) {
    const cat = await about(r.category ? "category" : "callTypeRaw", () =>
      refs.category(r.callTypeRaw, r.category, "drones"),
    );
    const dest =
      r.destLon !== undefined && r.destLat !== undefined ? ([r.destLon, r.destLat] as [number, number]) : undefined;
    const pilotId = r.pilot
      ? (
          await about("pilot", async () =>
            refs.person(
              await refs.agency(r.pilotAgency, !!format.create?.agencies),
              r.pilot!,
              !!format.create?.personnel,
              "drone_pilot",
            ),
          )
        ).id
      : null;
    return {
      source: r.source,
      external_id: r.externalId,
      call_number: r.callNumber ?? null,
      call_type_raw: r.callTypeRaw ?? null,
      category: cat.code,
      sensitive: cat.sensitive,
      priority: r.priority ?? null,
      dispatched_at: r.dispatchedAt ?? null,
      launched_at: r.launchedAt,
      launch_precision: r.launchPrecision ?? "time",
      on_scene_at: r.onSceneAt ?? null,
      landed_at: r.landedAt,
      dock_id: await about("dock", () => refs.dock(r.dock, r.path?.[0])),
      pilot_id: pilotId,
      path: r.path ? { type: "LineString", coordinates: r.path } : null,
      dest_lat: r.destLat ?? null,
      dest_lon: r.destLon ?? null,
      area_id: refs.area(r.area, dest),
      distance_flown_m: r.distanceFlownM ?? null,
      outcome: r.outcome ?? "other",
      first_on_scene: r.firstOnScene ?? null,
      footage_retained: r.footageRetained ?? false,
      description: r.description ?? null,
    };
  },
};

const cameraAccess: Writer = {
  upsert: {
    table: "camera_access_events",
    conflict: ["source", "external_id"],
    columns: [
      ["source", "text"],
      ["external_id", "text"],
      ["personnel_id", "integer"],
      ["agency_id", "integer"],
      ["user_role", "text"],
      ["camera_id", "integer"],
      ["operation", "access_operation"],
      ["footage_start", ts],
      ["footage_end", ts],
      ["started_at", ts],
      ["ended_at", ts],
      ["reason_code", "access_reason"],
      ["reason_text", "text"],
      ["case_number", "text"],
      ["client_app", "text"],
      ["shared_with_agency_id", "integer"],
    ],
  },
  async toRow(r: CameraAccessRecord, refs, format) {
    const create = format.create ?? {};
    const agencyId = await about("userAgency", () => refs.agency(r.userAgency, !!create.agencies));
    const person = await about("user", () => refs.person(agencyId, r.user, !!create.personnel));
    const cameraId = await about("camera", () =>
      refs.camera(r.camera, !!create.cameras, {
        site: r.cameraSite,
        lat: r.cameraLat,
        lon: r.cameraLon,
        agency: r.cameraAgency,
      }),
    );
    const shared = r.sharedWithAgency
      ? await about("sharedWithAgency", () => refs.agency(r.sharedWithAgency, !!create.agencies))
      : null;
    return {
      source: r.source,
      external_id: r.externalId,
      personnel_id: person.id,
      agency_id: agencyId,
      user_role: r.userRole ?? person.role,
      camera_id: cameraId,
      operation: r.operation,
      footage_start: r.footageStart ?? null,
      footage_end: r.footageEnd ?? null,
      started_at: r.startedAt,
      ended_at: r.endedAt,
      reason_code: r.reasonCode ?? "other",
      reason_text: r.reasonText ?? null,
      case_number: r.caseNumber ?? null,
      client_app: r.clientApp ?? null,
      shared_with_agency_id: shared,
    };
  },
};

const alprSearches: Writer = {
  upsert: {
    table: "alpr_searches",
    conflict: ["source", "external_id"],
    columns: [
      ["source", "text"],
      ["external_id", "text"],
      ["personnel_id", "integer"],
      ["agency_id", "integer"],
      ["searched_at", ts],
      ["reason", "text"],
      ["category", "text"],
      ["offense_type", "text"],
      ["case_number", "text"],
      ["network_count", "integer"],
      ["networks", "jsonb"],
      ["devices_searched", "integer"],
      ["window_start", ts],
      ["window_end", ts],
      ["search_type", "text"],
      ["moderation", "text"],
      ["plate_hmac", "text"],
    ],
  },
  async toRow(r: AlprSearchRecord, refs, format) {
    const agencyId = await about("userAgency", () => refs.agency(r.userAgency, !!format.create?.agencies));
    // An audit that names no one (organization audits, redactions) still keeps every search.
    const user = r.user ?? "Unnamed user (not in the audit)";
    const person = await about("user", () => refs.person(agencyId, user, !!format.create?.personnel));
    return {
      source: r.source,
      external_id: r.externalId,
      personnel_id: person.id,
      agency_id: agencyId,
      searched_at: r.searchedAt,
      reason: r.reason ?? "Not given",
      // The purpose through the same call-type mapping as flights; no mapping → "unclassified"
      // (null, also not yet classified, when the database has no categories at all).
      category: refs.searchCategory(r.reason),
      offense_type: r.offenseType ?? null,
      case_number: r.caseNumber ?? null,
      network_count: r.networkCount ?? r.networks?.length ?? 1,
      networks: r.networks ?? null,
      devices_searched: r.devicesSearched ?? null,
      window_start: r.windowStart ?? null,
      window_end: r.windowEnd ?? null,
      search_type: r.searchType ?? null,
      moderation: r.moderation ?? null,
      plate_hmac: await about("plate", () => refs.plate(r.plate)),
    };
  },
};

const alprDaily: Writer = {
  upsert: {
    table: "alpr_daily_counts",
    conflict: ["camera_id", "day"],
    columns: [
      ["camera_id", "integer"],
      ["day", "date"],
      ["detections", "integer"],
      ["hotlist_hits", "integer"],
    ],
  },
  async toRow(r: AlprDailyRecord, refs) {
    const cameraId = await about("camera", () => refs.camera(r.camera, false));
    return { camera_id: cameraId, day: r.day, detections: r.detections, hotlist_hits: r.hotlistHits };
  },
};

const cso: Writer = {
  upsert: {
    table: "cso_activities",
    conflict: ["source", "external_id"],
    columns: [
      ["source", "text"],
      ["external_id", "text"],
      ["call_number", "text"],
      ["call_type_raw", "text"],
      ["category", "text"],
      ["call_source", "cso_call_source"],
      ["received_at", ts],
      ["on_scene_at", ts],
      ["cleared_at", ts],
      ["area_id", "integer"],
      ["lat", "double precision"],
      ["lon", "double precision"],
      ["officer_id", "integer"],
      ["outcome", "cso_outcome"],
      ["referrals", "text[]"],
      ["report_written", "boolean"],
      ["fingerprints_collected", "boolean"],
      ["dna_collected", "boolean"],
      ["sworn_backup_requested", "boolean"],
      ["narrative", "text"],
    ],
  },
  async toRow(r: CsoRecord, refs, format) {
    const cat = await about(r.category ? "category" : "callTypeRaw", () =>
      refs.category(r.callTypeRaw, r.category, "cso"),
    );
    const officerId = r.officer
      ? (
          await about("officer", async () =>
            refs.person(
              await refs.agency(r.officerAgency, !!format.create?.agencies),
              r.officer!,
              !!format.create?.personnel,
              "cso",
            ),
          )
        ).id
      : null;
    const at = r.lat !== undefined && r.lon !== undefined ? ([r.lon, r.lat] as [number, number]) : undefined;
    return {
      source: r.source,
      external_id: r.externalId,
      call_number: r.callNumber ?? null,
      call_type_raw: r.callTypeRaw ?? null,
      category: cat.code,
      call_source: r.callSource,
      received_at: r.receivedAt,
      on_scene_at: r.onSceneAt ?? null,
      cleared_at: r.clearedAt ?? null,
      area_id: refs.area(r.area, at),
      lat: r.lat ?? null,
      lon: r.lon ?? null,
      officer_id: officerId,
      outcome: r.outcome,
      referrals: r.referrals ?? [],
      report_written: r.reportWritten ?? false,
      fingerprints_collected: r.fingerprintsCollected ?? false,
      dna_collected: r.dnaCollected ?? false,
      sworn_backup_requested: r.swornBackupRequested ?? false,
      narrative: r.narrative ?? null,
    };
  },
};

const camerasWriter: Writer = {
  upsert: {
    table: "cameras",
    conflict: ["name_key"],
    columns: [
      ["name", "text"],
      ["name_key", "text"],
      ["kind", "camera_kind"],
      ["owner", "camera_owner"],
      ["owner_agency_id", "integer"],
      ["owner_name", "text"],
      ["network", "camera_network"],
      ["site_name", "text"],
      ["lat", "double precision"],
      ["lon", "double precision"],
      ["area_id", "integer"],
      ["status", "camera_status"],
      ["installed_at", "date"],
      ["retention_days", "integer"],
    ],
  },
  async toRow(r: CameraRecord, refs, format) {
    const ownerAgencyId = r.ownerAgency
      ? await about("ownerAgency", () => refs.agency(r.ownerAgency, !!format.create?.agencies))
      : null;
    return {
      name: r.name.trim(),
      name_key: r.name.trim().toLowerCase(),
      kind: r.kind,
      owner: r.owner,
      owner_agency_id: ownerAgencyId,
      owner_name: r.ownerName ?? null,
      network: r.network ?? (r.owner === "private" ? "private_business" : "police"),
      site_name: r.siteName,
      lat: r.lat,
      lon: r.lon,
      area_id: refs.area(r.area, [r.lon, r.lat]),
      status: r.status ?? "active",
      installed_at: r.installedAt ?? null,
      retention_days: r.retentionDays ?? null,
    };
  },
};

export const writers: Record<Dataset, Writer> = {
  flights,
  camera_access: cameraAccess,
  alpr_searches: alprSearches,
  alpr_daily: alprDaily,
  cso_activities: cso,
  cameras: camerasWriter,
};
