import "server-only";
// Raw plate-reader searches (reason, offense, case number, agency) for council staff and auditors.
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { agencies, alprSearches as s, personnel } from "../../schema";
import { flaggedSql, flagsFor, offsetOf, statusSql, type Page, type Sorted } from "./common";

export const ALPR_SORTS = ["searched", "user", "agency", "reason"] as const;
export type AlprSort = (typeof ALPR_SORTS)[number];
export type AlprFilters = {
  agencyId?: number;
  personnelId?: number;
  from?: Date;
  to?: Date;
  caseNumber?: "with" | "without";
  flagged?: boolean;
  q?: string;
};

function where(x: AlprFilters): SQL | undefined {
  return and(
    ...[
      x.agencyId ? eq(s.agencyId, x.agencyId) : undefined,
      x.personnelId ? eq(s.personnelId, x.personnelId) : undefined,
      x.from ? gte(s.searchedAt, x.from) : undefined,
      x.to ? lt(s.searchedAt, x.to) : undefined,
      x.caseNumber === "without" ? or(isNull(s.caseNumber), eq(sql`trim(${s.caseNumber})`, "")) : undefined,
      x.caseNumber === "with" ? sql`coalesce(trim(${s.caseNumber}), '') <> ''` : undefined,
      x.flagged ? flaggedSql("alpr_search", s.id) : undefined,
      x.q
        ? or(
            ilike(personnel.displayName, `%${x.q}%`),
            ilike(s.reason, `%${x.q}%`),
            ilike(s.offenseType, `%${x.q}%`),
            ilike(s.caseNumber, `%${x.q}%`),
          )
        : undefined,
    ].filter(Boolean),
  );
}

const SORTS: Record<AlprSort, SQL | typeof s.searchedAt> = {
  searched: s.searchedAt,
  user: sql`${personnel.displayName}`,
  agency: sql`${agencies.name}`,
  reason: sql`${s.reason}`,
};

function base(db: DbOrTx) {
  return db
    .select({
      id: s.id,
      source: s.source,
      externalId: s.externalId,
      searchedAt: s.searchedAt,
      reason: s.reason,
      offenseType: s.offenseType,
      caseNumber: s.caseNumber,
      networkCount: s.networkCount,
      networks: s.networks,
      personnelId: s.personnelId,
      userName: personnel.displayName,
      agencyId: s.agencyId,
      agencyName: agencies.name,
      agencyKind: agencies.kind,
      status: statusSql("alpr_search", s.id),
    })
    .from(s)
    .innerJoin(personnel, eq(personnel.id, s.personnelId))
    .innerJoin(agencies, eq(agencies.id, s.agencyId));
}

export async function listAlpr(db: DbOrTx, p: { filters: AlprFilters } & Page & Sorted<AlprSort>) {
  const w = where(p.filters);
  const rows = await base(db)
    .where(w)
    .orderBy(p.dir === "asc" ? asc(SORTS[p.sort]) : desc(SORTS[p.sort]), desc(s.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  const [{ n }] = await db
    .select({ n: count() })
    .from(s)
    .innerJoin(personnel, eq(personnel.id, s.personnelId))
    .innerJoin(agencies, eq(agencies.id, s.agencyId))
    .where(w);
  const flags = await flagsFor(
    db,
    "alpr_search",
    rows.map((r) => r.id),
  );
  return { rows: rows.map((r) => ({ ...r, flags: flags.get(r.id) ?? [] })), total: Number(n) };
}

export async function allAlpr(db: DbOrTx, filters: AlprFilters, limit = 50_000) {
  return base(db).where(where(filters)).orderBy(asc(s.searchedAt)).limit(limit);
}

export async function getAlpr(db: DbOrTx, id: number) {
  const [row] = await base(db).where(eq(s.id, id));
  if (!row) return null;
  const flags = await flagsFor(db, "alpr_search", [id]);
  return { ...row, flags: flags.get(id) ?? [] };
}

export async function alprFilterOptions(db: DbOrTx) {
  return {
    agencies: await db.select({ id: agencies.id, name: agencies.name }).from(agencies).orderBy(agencies.name),
  };
}
