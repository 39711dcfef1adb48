import "server-only";
// Plate-reader searches from the published table, newest first.
import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { pubAlprSearches } from "@/db/schema/published-cameras";
import type { alprSearchesFilters, alprSearchesRow } from "@/lib/opendata/datasets/alpr-searches";
import type { DatasetReader } from "@/lib/opendata/types";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";
import { logRows } from "./log-rows";

type F = z.infer<typeof alprSearchesFilters>;
type Row = z.infer<typeof alprSearchesRow>;
const key: KeyPart[] = [
  // The search log page's default order (hour, newest first; ties by id, descending too).
  { col: pubAlprSearches.hour, cast: "timestamptz", dir: "desc" },
  { col: pubAlprSearches.publicId, cast: "text", dir: "desc" },
];

export function alprSearchesWhere(f: F): SQL | undefined {
  return and(
    f.from ? gte(pubAlprSearches.localDate, f.from) : undefined,
    f.to ? lte(pubAlprSearches.localDate, f.to) : undefined,
    f.reason ? eq(pubAlprSearches.reason, f.reason) : undefined,
    f.offense ? eq(pubAlprSearches.offenseType, f.offense) : undefined,
    f.agency ? eq(pubAlprSearches.agency, f.agency) : undefined,
    f.user ? eq(pubAlprSearches.user, f.user) : undefined,
    f.linked ? eq(pubAlprSearches.linkedToCase, f.linked === "yes") : undefined,
  );
}

export function alprSearchesReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubAlprSearches)
            .where(and(alprSearchesWhere(f), afterKey(key, after)))
            .orderBy(...orderBy(key))
            .limit(n),
        limit,
        (r) => ({
          id: r.publicId,
          hour: iso(r.hour)!,
          local_date: r.localDate,
          user: r.user,
          user_role: r.userRole,
          agency: r.agency,
          reason: r.reason as Row["reason"],
          offense_type: r.offenseType,
          linked_to_case: r.linkedToCase,
          network_count: r.networkCount,
          networks: r.networks,
        }),
        (r) => [iso(r.hour), r.publicId],
      );
    },
    async count(f) {
      return logRows(await db(), "alpr", pubAlprSearches, alprSearchesWhere(f));
    },
  };
}
