import "server-only";
// Raw drone flights (exact paths, call numbers, pilots) for council staff and auditors.
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { callCategories, droneDocks, droneFlights as f, personnel } from "../../schema";
import { flaggedSql, flagsFor, offsetOf, statusSql, type Page, type Sorted } from "./common";

export const FLIGHT_SORTS = ["launched", "duration", "category", "pilot", "distance"] as const;
export type FlightSort = (typeof FLIGHT_SORTS)[number];

export type FlightFilters = {
  category?: string;
  dockId?: number;
  pilotId?: number;
  outcome?: string;
  from?: Date;
  to?: Date;
  noCall?: boolean;
  flagged?: boolean;
  q?: string;
};

function where(x: FlightFilters): SQL | undefined {
  return and(
    ...[
      x.category ? eq(f.category, x.category) : undefined,
      x.dockId ? eq(f.dockId, x.dockId) : undefined,
      x.pilotId ? eq(f.pilotId, x.pilotId) : undefined,
      x.outcome ? sql`${f.outcome}::text = ${x.outcome}` : undefined,
      x.from ? gte(f.launchedAt, x.from) : undefined,
      x.to ? lt(f.launchedAt, x.to) : undefined,
      x.noCall ? or(isNull(f.callNumber), eq(sql`trim(${f.callNumber})`, "")) : undefined,
      x.flagged ? flaggedSql("drone_flight", f.id) : undefined,
      x.q
        ? or(
            ilike(f.callNumber, `%${x.q}%`),
            ilike(personnel.displayName, `%${x.q}%`),
            ilike(f.description, `%${x.q}%`),
            ilike(f.externalId, `%${x.q}%`),
          )
        : undefined,
    ].filter(Boolean),
  );
}

const durationSql = sql`(${f.landedAt} - ${f.launchedAt})`;
const SORTS: Record<FlightSort, SQL | typeof f.launchedAt> = {
  launched: f.launchedAt,
  duration: durationSql,
  category: sql`${f.category}`,
  pilot: sql`${personnel.displayName}`,
  distance: sql`${f.distanceFlownM}`,
};

const cols = {
  id: f.id,
  source: f.source,
  externalId: f.externalId,
  callNumber: f.callNumber,
  callTypeRaw: f.callTypeRaw,
  category: f.category,
  categoryLabel: callCategories.label,
  sensitive: f.sensitive,
  priority: f.priority,
  dispatchedAt: f.dispatchedAt,
  launchedAt: f.launchedAt,
  onSceneAt: f.onSceneAt,
  landedAt: f.landedAt,
  dockId: f.dockId,
  dockName: droneDocks.name,
  dockLat: droneDocks.lat,
  dockLon: droneDocks.lon,
  pilotId: f.pilotId,
  pilotName: personnel.displayName,
  destLat: f.destLat,
  destLon: f.destLon,
  distanceFlownM: f.distanceFlownM,
  outcome: f.outcome,
  firstOnScene: f.firstOnScene,
  footageRetained: f.footageRetained,
  description: f.description,
};

function base(db: DbOrTx) {
  return db
    .select({ ...cols, status: statusSql("drone_flight", f.id) })
    .from(f)
    .innerJoin(callCategories, eq(callCategories.code, f.category))
    .leftJoin(droneDocks, eq(droneDocks.id, f.dockId))
    .leftJoin(personnel, eq(personnel.id, f.pilotId));
}

export async function listFlights(db: DbOrTx, p: { filters: FlightFilters } & Page & Sorted<FlightSort>) {
  const w = where(p.filters);
  const rows = await base(db)
    .where(w)
    .orderBy(p.dir === "asc" ? asc(SORTS[p.sort]) : desc(SORTS[p.sort]), desc(f.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  const [{ n }] = await db.select({ n: count() }).from(f).leftJoin(personnel, eq(personnel.id, f.pilotId)).where(w);
  const flags = await flagsFor(
    db,
    "drone_flight",
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] })), total: Number(n) };
}

export async function allFlights(db: DbOrTx, filters: FlightFilters, limit = 50_000) {
  return base(db).where(where(filters)).orderBy(asc(f.launchedAt)).limit(limit);
}

export async function getFlight(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...cols, path: f.path, status: statusSql("drone_flight", f.id) })
    .from(f)
    .innerJoin(callCategories, eq(callCategories.code, f.category))
    .leftJoin(droneDocks, eq(droneDocks.id, f.dockId))
    .leftJoin(personnel, eq(personnel.id, f.pilotId))
    .where(eq(f.id, id));
  if (!row) return null;
  const flags = await flagsFor(db, "drone_flight", [id]);
  return { ...row, flags: flags.get(id) ?? [] };
}

export async function flightFilterOptions(db: DbOrTx) {
  const [cats, docks, pilots] = await Promise.all([
    db
      .select({ code: callCategories.code, label: callCategories.label })
      .from(callCategories)
      .orderBy(callCategories.label),
    db.select({ id: droneDocks.id, name: droneDocks.name }).from(droneDocks).orderBy(droneDocks.name),
    db
      .select({ id: personnel.id, name: personnel.displayName })
      .from(personnel)
      .where(eq(personnel.role, "drone_pilot"))
      .orderBy(personnel.displayName),
  ]);
  return { categories: cats, docks, pilots };
}
