import "server-only";
import { and, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { publicationRuns } from "@/db/schema/published";
import type { DatasetReader } from "@/lib/opendata/types";
import type { z } from "zod";
import type { publicationsFilters, publicationsRow } from "@/lib/opendata/datasets/publications";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";

type F = z.infer<typeof publicationsFilters>;
type Row = z.infer<typeof publicationsRow>;
const key: KeyPart[] = [{ col: publicationRuns.id, cast: "int" }];

function where(f: F): SQL | undefined {
  return and(
    eq(publicationRuns.status, "succeeded"),
    f.from ? gte(publicationRuns.asOf, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(publicationRuns.asOf, sql`cast(${f.to} as date) + 1`) : undefined,
  );
}

const sum = (o: Record<string, number> | null) => Object.values(o ?? {}).reduce((a, b) => a + b, 0);

export function publicationsReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(publicationRuns)
            .where(and(where(f), afterKey(key, after, "desc")))
            .orderBy(...orderBy(key, "desc"))
            .limit(n),
        limit,
        (r) => ({
          id: r.id,
          as_of: iso(r.asOf)!,
          published_at: iso(r.finishedAt),
          rules_version: r.rulesVersion,
          trigger: r.trigger,
          source_rows: sum(r.sourceCounts),
          published_rows: sum(r.publishedCounts),
          cells_suppressed: r.cellsSuppressed,
        }),
        (r) => [r.id],
      );
    },
    async count(f) {
      const d = await db();
      const [r] = await d
        .select({ n: sql<number>`count(*)::int` })
        .from(publicationRuns)
        .where(where(f));
      return Number(r.n);
    },
  };
}
