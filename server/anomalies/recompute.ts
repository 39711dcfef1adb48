import "server-only";
// `recomputeFlags(db)`: run every rule over the raw records and bring anomaly_flags, and the review
// queue's summary table (review_queue) with them, up to date in one transaction. Called by `daylight flags`, setup and imports. Reviewer actions are keyed by
// record, not by flag, so recomputing never loses review history.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  agencies,
  alprSearches,
  anomalyFlags,
  callCategories,
  cameraAccessEvents,
  cameras,
  droneDocks,
  droneFlights,
  personnel,
} from "../../db/schema";
import { rebuildReviewQueue } from "../../db/queries/review/queue-summary";
import { insertJsonRows } from "../../db/sql";
import { appendAudit } from "../audit/log";
import { city } from "../../lib/config/city";
import { alprNoCaseNumber, sharedPlate, wideSearch } from "../../lib/anomalies/alpr-rules";
import { unusualHours, volumeSpike } from "../../lib/anomalies/baseline-rules";
import { cameraBurst, camerasNearSites, noCaseNumber, sensitiveSite } from "../../lib/anomalies/camera-rules";
import { loadAnomalyConfig, type AnomalyConfig } from "../../lib/anomalies/config";
import { flightDetour, flightLong, flightNoCall } from "../../lib/anomalies/flight-rules";
import { vagueReason, watchList } from "../../lib/anomalies/text-rules";
import type { Activity, AlprSearch, CameraAccess, Flag, Flight, SensitiveSite } from "../../lib/anomalies/types";

export type RecomputeOptions = {
  config?: AnomalyConfig;
  timeZone?: string;
  sensitiveSites?: SensitiveSite[];
  homeAgencyName?: string;
};
export type RecomputeResult = { total: number; byRule: Record<string, number> };

export async function computeFlags(db: DbOrTx, opts: RecomputeOptions = {}): Promise<Flag[]> {
  const cfg = opts.config ?? loadAnomalyConfig();
  const c = opts.timeZone && opts.sensitiveSites && opts.homeAgencyName ? null : city();
  const timeZone = opts.timeZone ?? c!.timeZone;
  const sites = opts.sensitiveSites ?? c!.sensitiveSites;
  const homeKey = (opts.homeAgencyName ?? c!.lawEnforcementAgency).trim().toLowerCase();

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

export async function recomputeFlags(db: DbOrTx, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const config = opts.config ?? loadAnomalyConfig();
  const flags = await computeFlags(db, { ...opts, config });
  const unique = new Map(flags.map((f) => [`${f.recordType}:${f.recordId}:${f.rule}`, f]));
  const byRule: Record<string, number> = {};
  for (const f of unique.values()) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
  await db.transaction(async (tx) => {
    // The new flags go to a temporary table, and only the differences reach anomaly_flags: a flag
    // whose record no longer breaks its rule goes, a new one comes, a changed one is updated, and the
    // rest (at scale 100, 1.3 million) are left as they are, not deleted and written again on every
    // import. As JSON chunks (db/sql.ts): drizzle's values() spent most of a minute on a million.
    await tx.execute(sql`create temporary table daylight_flags_next (record_type review_record_type not null, record_id bigint not null,
      rule text not null, explanation text not null, details jsonb not null, occurred_at timestamptz not null, computed_at timestamptz not null) on commit drop`);
    const now = new Date();
    await insertJsonRows(
      tx,
      anomalyFlags,
      [...unique.values()].map((f) => ({ ...f, computedAt: now })),
      { into: "daylight_flags_next" },
    );
    await tx.execute(sql`delete from anomaly_flags f where not exists (select 1 from daylight_flags_next n
      where n.record_type = f.record_type and n.record_id = f.record_id and n.rule = f.rule)`);
    await tx.execute(sql`insert into anomaly_flags as f (record_type, record_id, rule, explanation, details, occurred_at, computed_at)
      select record_type, record_id, rule, explanation, details, occurred_at, computed_at from daylight_flags_next
      on conflict (record_type, record_id, rule) do update set explanation = excluded.explanation, details = excluded.details,
        occurred_at = excluded.occurred_at, computed_at = excluded.computed_at
      where (f.explanation, f.details, f.occurred_at) is distinct from (excluded.explanation, excluded.details, excluded.occurred_at)`);
    // The queue's narrow read model follows the flags in the same transaction (scores from this config's weights).
    await rebuildReviewQueue(tx, config.weights);
    await appendAudit(tx, {
      actorType: "system",
      actorLabel: "anomaly rules",
      action: "flags.recompute",
      details: { total: unique.size, byRule },
    });
  });
  // Fresh statistics for the review queue's plans: after a first recompute at scale 100 the planner
  // still took anomaly_flags for empty, and a count over it ran for minutes instead of 1.3 s.
  await db.execute(sql`analyze anomaly_flags`);
  await db.execute(sql`analyze review_queue`);
  return { total: unique.size, byRule };
}
