import "server-only";
// The CSO read model for public pages: the published CSO rollups.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubCsoBreakdowns, pubCsoCells, pubCsoMetrics } from "@/db/schema";

export type CsoBreakdown = typeof pubCsoBreakdowns.$inferSelect;
export type CsoMetric = typeof pubCsoMetrics.$inferSelect;

export async function getCsoBreakdown({
  breakdown,
  period = "since_launch",
  db,
}: {
  breakdown: string;
  period?: string;
  db?: DbOrTx;
}): Promise<CsoBreakdown[]> {
  const d = db ?? (await getDb());
  return d
    .select()
    .from(pubCsoBreakdowns)
    .where(and(eq(pubCsoBreakdowns.breakdown, breakdown), eq(pubCsoBreakdowns.period, period)))
    .orderBy(asc(pubCsoBreakdowns.ord), asc(pubCsoBreakdowns.key), asc(pubCsoBreakdowns.key2));
}

/** Headline metrics keyed "period.metric", e.g. "last30.calls" or "baseline.median_response_min". */
export async function getCsoMetrics({ db }: { db?: DbOrTx } = {}): Promise<Map<string, CsoMetric>> {
  const d = db ?? (await getDb());
  const rows = await d.select().from(pubCsoMetrics);
  return new Map(rows.map((r) => [`${r.period}.${r.metric}`, r]));
}

export async function getCsoCells({ period = "since_launch", db }: { period?: string; db?: DbOrTx } = {}) {
  const d = db ?? (await getDb());
  return d
    .select({ cell: pubCsoCells.cell, res: pubCsoCells.res, count: pubCsoCells.count })
    .from(pubCsoCells)
    .where(eq(pubCsoCells.period, period));
}
