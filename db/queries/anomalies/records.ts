import "server-only";
// What the anomaly rules read: the raw camera accesses, plate searches and flights, streamed a
// batch at a time in the order each pass of the recompute needs (server/anomalies), and the small
// reference tables they are judged against. Rows come as the rules' plain types (lib/anomalies/types).
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { agencies, callCategories, cameras, droneDocks } from "../../schema";
import type { AlprSearch, CameraAccess } from "../../../lib/anomalies/types";
import { pointsOf } from "../../../lib/publish/rules/path";
import { eachBatch } from "./cursor";

type Batch<T> = (rows: T[]) => void | Promise<void>;
/** A stream's caller: its transaction, what to do with each batch, and the rows per batch (tests set it small). */
type Reader<T> = { tx: DbOrTx; onBatch: Batch<T>; batchSize?: number };
/** Milliseconds since the epoch, as a JS Date holds them (sub-millisecond digits dropped). */
const ms = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);
const date = (v: number) => new Date(v);
const json = <T>(v: unknown): T | null => (v === null ? null : typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function stream<R extends Record<string, unknown>, T>(
  tx: DbOrTx,
  query: SQL,
  map: (r: R) => T,
  onBatch: Batch<T>,
  batchSize?: number,
) {
  return eachBatch<R>(tx, query, (rows) => onBatch(rows.map(map)), batchSize ?? 50_000);
}

export type CameraActivity = { id: number; personnelId: number; role: string; cameraId: number; startedAt: Date };
type CameraActivityRow = { id: number; personnel_id: number; role: string; camera_id: number; at: number };
const cameraActivity = (r: CameraActivityRow): CameraActivity => ({
  id: r.id,
  personnelId: r.personnel_id,
  role: r.role,
  cameraId: r.camera_id,
  startedAt: date(r.at),
});
const CAMERA_ACTIVITY = sql`select id::float8 as id, personnel_id, user_role as role, camera_id, ${ms("started_at")} as at
  from camera_access_events`;

/** Every camera access, light, by user and time (ties by id). */
export function eachCameraActivityByUser({ tx, onBatch, batchSize }: Reader<CameraActivity>) {
  return stream(tx, sql`${CAMERA_ACTIVITY} order by personnel_id, started_at, id`, cameraActivity, onBatch, batchSize);
}

export type CameraAccessRow = CameraAccess & { role: string };
/** Every camera access in full, in no particular order. */
export function eachCameraAccess({ tx, onBatch, batchSize }: Reader<CameraAccessRow>) {
  type R = CameraActivityRow & {
    reason_text: string | null;
    operation: CameraAccess["operation"];
    case_number: string | null;
    shared_with_agency_id: number | null;
  };
  return stream<R, CameraAccessRow>(
    tx,
    sql`select id::float8 as id, personnel_id, user_role as role, reason_text, camera_id, operation::text as operation,
      ${ms("started_at")} as at, case_number, shared_with_agency_id from camera_access_events`,
    (r) => ({
      id: r.id,
      personnelId: r.personnel_id,
      role: r.role,
      cameraId: r.camera_id,
      startedAt: date(r.at),
      reasonText: r.reason_text,
      operation: r.operation,
      caseNumber: r.case_number,
      sharedWithAgencyId: r.shared_with_agency_id,
    }),
    onBatch,
    batchSize,
  );
}

export type SearchActivity = { personnelId: number; role: string; searchedAt: Date };
/** Every plate search, light: who (and their role), when. */
export function eachSearchActivity({ tx, onBatch, batchSize }: Reader<SearchActivity>) {
  return stream<{ personnel_id: number; role: string; at: number }, SearchActivity>(
    tx,
    sql`select s.personnel_id, p.role::text as role, ${ms("s.searched_at")} as at
      from alpr_searches s join personnel p on p.id = s.personnel_id`,
    (r) => ({ personnelId: r.personnel_id, role: r.role, searchedAt: date(r.at) }),
    onBatch,
    batchSize,
  );
}

export type SearchRow = AlprSearch & { personnelId: number; role: string };
/** Every plate search in full, with the searcher's role, in no particular order. */
export function eachSearch({ tx, onBatch, batchSize }: Reader<SearchRow>) {
  type R = {
    id: number;
    agency_id: number;
    personnel_id: number;
    role: string;
    at: number;
    case_number: string | null;
    reason: string | null;
    offense_type: string | null;
    network_count: number;
    networks: unknown;
    devices_searched: number | null;
  };
  return stream<R, SearchRow>(
    tx,
    sql`select s.id::float8 as id, s.agency_id, s.personnel_id, p.role::text as role, ${ms("s.searched_at")} as at,
      s.case_number, s.reason, s.offense_type, s.network_count, s.networks::text as networks, s.devices_searched
      from alpr_searches s join personnel p on p.id = s.personnel_id`,
    (r) => ({
      id: r.id,
      agencyId: r.agency_id,
      personnelId: r.personnel_id,
      role: r.role,
      searchedAt: date(r.at),
      caseNumber: r.case_number,
      reason: r.reason,
      offenseType: r.offense_type,
      networkCount: r.network_count,
      networks: json<string[]>(r.networks),
      devicesSearched: r.devices_searched,
    }),
    onBatch,
    batchSize,
  );
}

/**
 * The searches of every plate (by its keyed hash) that at least minUsers different users searched,
 * by plate and time: the only ones the shared-plate rule can flag.
 */
export function eachSharedPlateSearch({
  tx,
  minUsers,
  onBatch,
  batchSize,
}: Reader<AlprSearch & { personnelId: number }> & { minUsers: number }) {
  type R = {
    id: number;
    agency_id: number;
    personnel_id: number;
    plate_hmac: string;
    at: number;
    case_number: string | null;
  };
  return stream<R, AlprSearch & { personnelId: number }>(
    tx,
    sql`select s.id::float8 as id, s.agency_id, s.personnel_id, s.plate_hmac, ${ms("s.searched_at")} as at, s.case_number
      from alpr_searches s
      where s.plate_hmac in (select plate_hmac from alpr_searches where plate_hmac is not null
        group by plate_hmac having count(distinct personnel_id) >= ${minUsers})
      order by s.plate_hmac, s.searched_at, s.id`,
    (r) => ({
      id: r.id,
      agencyId: r.agency_id,
      personnelId: r.personnel_id,
      plateHmac: r.plate_hmac,
      searchedAt: date(r.at),
      caseNumber: r.case_number,
    }),
    onBatch,
    batchSize,
  );
}

export type FlightRow = {
  id: number;
  callNumber: string | null;
  category: string;
  launchedAt: Date;
  landedAt: Date;
  dockId: number | null;
  /** The recorded path, flat (lon, lat, lon, lat…); null when none was recorded or it has no points. */
  path: Float64Array | null;
  destLat: number | null;
  destLon: number | null;
  distanceFlownM: number | null;
  description: string | null;
};
/** Every drone flight in full, by category. */
export function eachFlightByCategory({ tx, onBatch, batchSize }: Reader<FlightRow>) {
  type R = {
    id: number;
    call_number: string | null;
    category: string;
    launched: number;
    landed: number;
    dock_id: number | null;
    path_xy: Uint8Array | null;
    dest_lat: number | null;
    dest_lon: number | null;
    distance_flown_m: number | null;
    description: string | null;
  };
  return stream<R, FlightRow>(
    tx,
    sql`select id::float8 as id, call_number, category, ${ms("launched_at")} as launched, ${ms("landed_at")} as landed,
      dock_id, path_xy, dest_lat, dest_lon, distance_flown_m, description
      from drone_flights order by category, id`,
    (r) => ({
      id: r.id,
      callNumber: r.call_number,
      category: r.category,
      launchedAt: date(r.launched),
      landedAt: date(r.landed),
      dockId: r.dock_id,
      path: r.path_xy === null ? null : pointsOf(r.path_xy),
      destLat: r.dest_lat,
      destLon: r.dest_lon,
      distanceFlownM: r.distance_flown_m,
      description: r.description,
    }),
    onBatch,
    // A flight's path is a few kilobytes: smaller batches.
    Math.min(batchSize ?? 5_000, 5_000),
  );
}

/** The small tables the rules are judged against. */
export async function anomalyReference({ tx }: { tx: DbOrTx }) {
  return {
    cameras: await tx.select({ id: cameras.id, name: cameras.name, lat: cameras.lat, lon: cameras.lon }).from(cameras),
    agencies: await tx.select({ id: agencies.id, nameKey: agencies.nameKey, kind: agencies.kind }).from(agencies),
    docks: await tx.select().from(droneDocks),
    categories: await tx.select({ code: callCategories.code, label: callCategories.label }).from(callCategories),
  };
}
