// The flag computation as it was before the recompute streamed (commit 0b8a77d,
// server/anomalies/recompute.ts computeFlags): every record loaded, every rule run over whole
// lists. The reference the streaming recompute must equal (tests/anomalies/recompute-streaming.test.ts).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  agencies,
  alprSearches,
  callCategories,
  cameraAccessEvents,
  cameras,
  droneDocks,
  droneFlights,
  personnel,
} from "../../db/schema";
import { alprNoCaseNumber, sharedPlate, wideSearch } from "../../lib/anomalies/alpr-rules";
import { camerasNearSites, noCaseNumber, sensitiveSite } from "../../lib/anomalies/camera-rules";
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { flightDetour, flightLong, flightNoCall } from "../../lib/anomalies/flight-rules";
import { vagueReason, watchList } from "../../lib/anomalies/text-rules";
import type { Activity, AlprSearch, CameraAccess, Flag, Flight, SensitiveSite } from "../../lib/anomalies/types";
import {
  oldCameraBurst as cameraBurst,
  oldUnusualHours as unusualHours,
  oldVolumeSpike as volumeSpike,
} from "./reference-rules";

type RecomputeOptions = {
  config: AnomalyConfig;
  timeZone: string;
  sensitiveSites: SensitiveSite[];
  homeAgencyName: string;
};

export async function referenceFlags(db: DbOrTx, opts: RecomputeOptions): Promise<Flag[]> {
  const cfg = opts.config;
  const { timeZone } = opts;
  const sites = opts.sensitiveSites;
  const homeKey = opts.homeAgencyName.trim().toLowerCase();

  const flags: Flag[] = [];
  const push = (f: Flag | null) => f && flags.push(f);

  const accesses: (CameraAccess & { role: string })[] = await db
    .select({
      id: cameraAccessEvents.id,
      personnelId: cameraAccessEvents.personnelId,
      role: cameraAccessEvents.userRole,
      reasonText: cameraAccessEvents.reasonText,
      cameraId: cameraAccessEvents.cameraId,
      operation: cameraAccessEvents.operation,
      startedAt: cameraAccessEvents.startedAt,
      caseNumber: cameraAccessEvents.caseNumber,
      sharedWithAgencyId: cameraAccessEvents.sharedWithAgencyId,
    })
    .from(cameraAccessEvents);
  const near = camerasNearSites(
    // A camera whose location is unknown (added from an access log) cannot be near anything yet.
    (await db.select({ id: cameras.id, name: cameras.name, lat: cameras.lat, lon: cameras.lon }).from(cameras)).filter(
      (c): c is typeof c & { lat: number; lon: number } => c.lat !== null && c.lon !== null,
    ),
    sites,
    cfg,
  );
  const OPS = {
    live_view: "viewed live video",
    playback: "played back video",
    export: "exported video",
    share: "shared video",
  };
  for (const a of accesses) {
    push(noCaseNumber(a, cfg));
    push(sensitiveSite(a, near, cfg));
    const reasoned = {
      recordType: "camera_access" as const,
      id: a.id,
      at: a.startedAt,
      operation: OPS[a.operation],
      reason: a.reasonText ?? null,
    };
    push(watchList(reasoned, cfg));
    if (cfg.vagueReason.cameraOperations.includes(a.operation)) push(vagueReason(reasoned, cfg));
  }
  // Loops, not push(...list): a spread of hundreds of thousands of flags overflows the call stack.
  for (const f of cameraBurst(accesses, cfg)) flags.push(f);

  const agencyRows = await db
    .select({ id: agencies.id, nameKey: agencies.nameKey, kind: agencies.kind })
    .from(agencies);
  const home = new Set(agencyRows.filter((a) => a.nameKey === homeKey || a.kind === "city").map((a) => a.id));
  const searches: (AlprSearch & { personnelId: number; role: string })[] = await db
    .select({
      id: alprSearches.id,
      agencyId: alprSearches.agencyId,
      personnelId: alprSearches.personnelId,
      role: personnel.role,
      searchedAt: alprSearches.searchedAt,
      caseNumber: alprSearches.caseNumber,
      reason: alprSearches.reason,
      offenseType: alprSearches.offenseType,
      networkCount: alprSearches.networkCount,
      networks: alprSearches.networks,
      devicesSearched: alprSearches.devicesSearched,
      plateHmac: alprSearches.plateHmac,
    })
    .from(alprSearches)
    .innerJoin(personnel, eq(personnel.id, alprSearches.personnelId));
  for (const s of searches) {
    push(alprNoCaseNumber(s, cfg, home));
    push(wideSearch(s, cfg));
    const reasoned = {
      recordType: "alpr_search" as const,
      id: s.id,
      at: s.searchedAt,
      operation: "searched plate-reader data",
      reason: s.reason ?? null,
      offense: s.offenseType ?? null,
    };
    push(vagueReason(reasoned, cfg));
    push(watchList(reasoned, cfg));
  }
  for (const f of sharedPlate(searches, cfg)) flags.push(f);

  // Per-person baselines over everything a person did with cameras and plate readers.
  const activity: Activity[] = [];
  for (const a of accesses)
    activity.push({ recordType: "camera_access", id: a.id, personnelId: a.personnelId, role: a.role, at: a.startedAt });
  for (const s of searches)
    activity.push({ recordType: "alpr_search", id: s.id, personnelId: s.personnelId, role: s.role, at: s.searchedAt });
  for (const f of unusualHours(activity, cfg, timeZone)) flags.push(f);
  for (const f of volumeSpike(activity, cfg, timeZone)) flags.push(f);

  const docks = new Map((await db.select().from(droneDocks)).map((d) => [d.id, d]));
  const rows = await db
    .select({
      id: droneFlights.id,
      callNumber: droneFlights.callNumber,
      category: droneFlights.category,
      launchedAt: droneFlights.launchedAt,
      landedAt: droneFlights.landedAt,
      dockId: droneFlights.dockId,
      path: droneFlights.path,
      destLat: droneFlights.destLat,
      destLon: droneFlights.destLon,
      distanceFlownM: droneFlights.distanceFlownM,
      description: droneFlights.description,
    })
    .from(droneFlights);
  const flights: Flight[] = rows.map((r) => {
    const coords = r.path?.coordinates ?? null;
    const dock = r.dockId ? docks.get(r.dockId) : undefined;
    const origin =
      coords && coords.length > 0
        ? { lon: coords[0][0], lat: coords[0][1] }
        : dock
          ? { lat: dock.lat, lon: dock.lon }
          : null;
    return {
      id: r.id,
      callNumber: r.callNumber,
      category: r.category,
      launchedAt: r.launchedAt,
      landedAt: r.landedAt,
      origin,
      dest: r.destLat !== null && r.destLon !== null ? { lat: r.destLat, lon: r.destLon } : null,
      distanceFlownM: r.distanceFlownM,
      path: coords,
    };
  });
  for (const f of flights) {
    push(flightNoCall(f));
    push(flightDetour(f, cfg));
  }
  for (const r of rows)
    push(
      watchList(
        { recordType: "drone_flight", id: r.id, at: r.launchedAt, operation: "flew a drone", reason: r.description },
        cfg,
      ),
    );
  const labels = new Map(
    (await db.select({ code: callCategories.code, label: callCategories.label }).from(callCategories)).map((c) => [
      c.code,
      c.label,
    ]),
  );
  for (const f of flightLong(flights, cfg, labels)) flags.push(f);
  return flags;
}
