import "server-only";
// The one read model of the published rollups of every dataset: breakdowns behind the charts,
// headline metrics and map cells (pub_breakdowns, pub_metrics, pub_cells), kept per publication.
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubBreakdowns, pubCells, pubMetrics } from "@/db/schema";
import type { RollupDataset } from "@/lib/vocab";
import { perPublicationReader } from "./cached-reader";

export type Breakdown = typeof pubBreakdowns.$inferSelect;
export type Metric = typeof pubMetrics.$inferSelect;
type Of = { dataset: RollupDataset; db?: DbOrTx };

const byOrd = [asc(pubBreakdowns.ord), asc(pubBreakdowns.key), asc(pubBreakdowns.key2)];

/** One breakdown of one period, in its published order. */
async function getBreakdownUncached(o: Of & { breakdown: string; period?: string }): Promise<Breakdown[]> {
  const d = o.db ?? (await getDb());
  return d
    .select()
    .from(pubBreakdowns)
    .where(
      and(
        eq(pubBreakdowns.dataset, o.dataset),
        eq(pubBreakdowns.breakdown, o.breakdown),
        eq(pubBreakdowns.period, o.period ?? "since_launch"),
      ),
    )
    .orderBy(...byOrd);
}

/** Several breakdowns in one round trip, keyed "breakdown.period". */
async function getBreakdownsUncached(
  o: Of & { wanted: { breakdown: string; period?: string }[] },
): Promise<Map<string, Breakdown[]>> {
  const d = o.db ?? (await getDb());
  const keys = o.wanted.map((w) => `${w.breakdown}.${w.period ?? "since_launch"}`);
  const rows = await d
    .select()
    .from(pubBreakdowns)
    .where(
      and(
        eq(pubBreakdowns.dataset, o.dataset),
        inArray(sql`${pubBreakdowns.breakdown} || '.' || ${pubBreakdowns.period}`, keys),
      ),
    )
    .orderBy(...byOrd);
  const out = new Map<string, Breakdown[]>(keys.map((k) => [k, []]));
  for (const r of rows) out.get(`${r.breakdown}.${r.period}`)?.push(r);
  return out;
}

/** The keys and labels of breakdowns of the whole record (totals left out), e.g. for filter menus. */
async function getBreakdownKeysUncached(
  o: Of & { breakdowns: string[] },
): Promise<{ breakdown: string; key: string; label: string }[]> {
  const d = o.db ?? (await getDb());
  return d
    .select({ breakdown: pubBreakdowns.breakdown, key: pubBreakdowns.key, label: pubBreakdowns.label })
    .from(pubBreakdowns)
    .where(
      and(
        eq(pubBreakdowns.dataset, o.dataset),
        eq(pubBreakdowns.period, "since_launch"),
        inArray(pubBreakdowns.breakdown, o.breakdowns),
        ne(pubBreakdowns.key, "*"),
      ),
    )
    .orderBy(asc(pubBreakdowns.key));
}

/** Headline metrics keyed "period.metric", e.g. "last30.flights" or "baseline.median_response_min". */
async function getMetricsUncached(o: Of): Promise<Map<string, Metric>> {
  const d = o.db ?? (await getDb());
  const rows = await d.select().from(pubMetrics).where(eq(pubMetrics.dataset, o.dataset));
  return new Map(rows.map((r) => [`${r.period}.${r.metric}`, r]));
}

/** Events by H3 cell for one period (cells under the minimum count are not published). */
async function getCellsUncached(o: Of & { period?: string }) {
  const d = o.db ?? (await getDb());
  return d
    .select({ cell: pubCells.cell, res: pubCells.res, count: pubCells.count })
    .from(pubCells)
    .where(and(eq(pubCells.dataset, o.dataset), eq(pubCells.period, o.period ?? "since_launch")));
}

export const getBreakdown = perPublicationReader("rollups.getBreakdown", getBreakdownUncached);
export const getBreakdowns = perPublicationReader("rollups.getBreakdowns", getBreakdownsUncached);
export const getBreakdownKeys = perPublicationReader("rollups.getBreakdownKeys", getBreakdownKeysUncached);
export const getMetrics = perPublicationReader("rollups.getMetrics", getMetricsUncached);
export const getCells = perPublicationReader("rollups.getCells", getCellsUncached);
