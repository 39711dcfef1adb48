import "server-only";
// Findings counts (already suppressed by the publisher) for downloads and the API.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { pubFindingCounts } from "@/db/schema/published-drones";
import type { findingsCountsFilters, findingsCountsRow } from "@/lib/opendata/datasets/findings-counts";
import type { DatasetReader } from "@/lib/opendata/types";
import { afterKey, orderBy, toBatch, type KeyPart } from "./opendata-keyset";

type F = z.infer<typeof findingsCountsFilters>;
type Row = z.infer<typeof findingsCountsRow>;
const key: KeyPart[] = [
  { col: pubFindingCounts.findingType, cast: "text" },
  { col: pubFindingCounts.status, cast: "text" },
];
// The published table writes totals as "*"; the API says "all".
const toDb = (v: string) => (v === "all" ? "*" : v);
const fromDb = (v: string) => (v === "*" ? "all" : v);

function where(f: F): SQL | undefined {
  return and(
    f.finding_type ? eq(pubFindingCounts.findingType, toDb(f.finding_type)) : undefined,
    f.status ? eq(pubFindingCounts.status, toDb(f.status)) : undefined,
  );
}

export function findingsCountsReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubFindingCounts)
            .where(and(where(f), afterKey(key, after, "asc")))
            .orderBy(...orderBy(key, "asc"))
            .limit(n),
        limit,
        (r) => ({
          finding_type: fromDb(r.findingType),
          status: fromDb(r.status) as Row["status"],
          count: r.suppressed ? null : r.count,
          suppressed: r.suppressed,
        }),
        (r) => [r.findingType, r.status],
      );
    },
    async count(f) {
      const d = await db();
      const [r] = await d
        .select({ n: sql<number>`count(*)::int` })
        .from(pubFindingCounts)
        .where(where(f));
      return Number(r.n);
    },
  };
}
