import "server-only";
// Raw camera and watch-center access records for council staff and auditors.
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../client";
import { agencies, cameraAccessEvents as e, cameras, personnel } from "../../schema";
import { flaggedSql, flagsFor, offsetOf, statusSql, type Page, type Sorted } from "./common";

export const ACCESS_SORTS = ["started", "user", "camera", "operation", "agency"] as const;
export type AccessSort = (typeof ACCESS_SORTS)[number];

export type AccessFilters = {
  personnelId?: number;
  cameraId?: number;
  agencyId?: number;
  operation?: "live_view" | "playback" | "export" | "share";
  reason?: string;
  from?: Date;
  to?: Date;
  q?: string;
  caseNumber?: "with" | "without";
  flagged?: boolean;
};

const sharedAgency = alias(agencies, "shared_agency");

function where(f: AccessFilters): SQL | undefined {
  const c: (SQL | undefined)[] = [
    f.personnelId ? eq(e.personnelId, f.personnelId) : undefined,
    f.cameraId ? eq(e.cameraId, f.cameraId) : undefined,
    f.agencyId ? eq(e.agencyId, f.agencyId) : undefined,
    f.operation ? eq(e.operation, f.operation) : undefined,
    f.reason ? sql`${e.reasonCode}::text = ${f.reason}` : undefined,
    f.from ? gte(e.startedAt, f.from) : undefined,
    f.to ? lt(e.startedAt, f.to) : undefined,
    f.caseNumber === "without" ? or(isNull(e.caseNumber), eq(sql`trim(${e.caseNumber})`, "")) : undefined,
    f.caseNumber === "with" ? sql`coalesce(trim(${e.caseNumber}), '') <> ''` : undefined,
    f.flagged ? flaggedSql("camera_access", e.id) : undefined,
    f.q
      ? or(
          ilike(personnel.displayName, `%${f.q}%`),
          ilike(cameras.name, `%${f.q}%`),
          ilike(e.caseNumber, `%${f.q}%`),
          ilike(e.reasonText, `%${f.q}%`),
        )
      : undefined,
  ];
  return and(...c.filter(Boolean));
}

const SORT_COLUMNS: Record<AccessSort, SQL | typeof e.startedAt> = {
  started: e.startedAt,
  user: sql`${personnel.displayName}`,
  camera: sql`${cameras.name}`,
  operation: sql`${e.operation}`,
  agency: sql`${agencies.name}`,
};

const columns = {
  id: e.id,
  startedAt: e.startedAt,
  endedAt: e.endedAt,
  operation: e.operation,
  footageStart: e.footageStart,
  footageEnd: e.footageEnd,
  reasonCode: e.reasonCode,
  reasonText: e.reasonText,
  caseNumber: e.caseNumber,
  userRole: e.userRole,
  clientApp: e.clientApp,
  source: e.source,
  externalId: e.externalId,
  personnelId: e.personnelId,
  userName: personnel.displayName,
  agencyId: e.agencyId,
  agencyName: agencies.name,
  cameraId: e.cameraId,
  cameraName: cameras.name,
  cameraSite: cameras.siteName,
  sharedWith: sharedAgency.name,
};

function base(db: DbOrTx) {
  return db
    .select({ ...columns, status: statusSql("camera_access", e.id) })
    .from(e)
    .innerJoin(personnel, eq(personnel.id, e.personnelId))
    .innerJoin(agencies, eq(agencies.id, e.agencyId))
    .innerJoin(cameras, eq(cameras.id, e.cameraId))
    .leftJoin(sharedAgency, eq(sharedAgency.id, e.sharedWithAgencyId));
}

export type AccessRow = Awaited<ReturnType<typeof listAccess>>["rows"][number];

export async function listAccess(db: DbOrTx, p: { filters: AccessFilters } & Page & Sorted<AccessSort>) {
  const w = where(p.filters);
  const order = p.dir === "asc" ? asc(SORT_COLUMNS[p.sort]) : desc(SORT_COLUMNS[p.sort]);
  const rows = await base(db).where(w).orderBy(order, desc(e.id)).limit(p.pageSize).offset(offsetOf(p));
  const [{ n }] = await db
    .select({ n: count() })
    .from(e)
    .innerJoin(personnel, eq(personnel.id, e.personnelId))
    .innerJoin(cameras, eq(cameras.id, e.cameraId))
    .where(w);
  const flags = await flagsFor(
    db,
    "camera_access",
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] })), total: Number(n) };
}

/** Everything matching the filters, oldest first, for exports and timelines (capped). */
export async function allAccess(db: DbOrTx, filters: AccessFilters, limit = 50_000) {
  return base(db).where(where(filters)).orderBy(asc(e.startedAt), asc(e.id)).limit(limit);
}

export async function getAccess(db: DbOrTx, id: number) {
  const [row] = await base(db).where(eq(e.id, id));
  if (!row) return null;
  const flags = await flagsFor(db, "camera_access", [id]);
  return { ...row, flags: flags.get(id) ?? [] };
}

/** Choices for the filter form (whole small reference tables: cheaper than scanning accesses). */
export async function accessFilterOptions(db: DbOrTx) {
  const [people, cams, ags] = await Promise.all([
    db.select({ id: personnel.id, name: personnel.displayName }).from(personnel).orderBy(personnel.displayName),
    db.select({ id: cameras.id, name: cameras.name }).from(cameras).orderBy(cameras.name),
    db.select({ id: agencies.id, name: agencies.name }).from(agencies).orderBy(agencies.name),
  ]);
  return { people, cameras: cams, agencies: ags };
}
