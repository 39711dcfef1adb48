import "server-only";
// Community Safety Officer calls from the published table, newest first.
import { and, eq, gte, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { pubCsoCalls } from "@/db/schema/published-cso";
import type { csoCallsFilters, csoCallsRow } from "@/lib/opendata/datasets/cso-calls";
import type { DatasetReader } from "@/lib/opendata/types";
import { protectedCategoryError } from "./protected-categories";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";
import { logRows } from "./log-rows";

type F = z.infer<typeof csoCallsFilters>;
type Row = z.infer<typeof csoCallsRow>;
const key: KeyPart[] = [
  { col: pubCsoCalls.receivedAt, cast: "timestamptz", dir: "desc" },
  { col: pubCsoCalls.publicId, cast: "text", dir: "asc" },
];

export function csoCallsWhere(f: F): SQL | undefined {
  return and(
    f.from ? gte(pubCsoCalls.localDate, f.from) : undefined,
    f.to ? lte(pubCsoCalls.localDate, f.to) : undefined,
    f.category ? eq(pubCsoCalls.category, f.category) : undefined,
    f.source ? eq(pubCsoCalls.callSource, f.source) : undefined,
    f.area ? eq(pubCsoCalls.areaSlug, f.area) : undefined,
    f.outcome ? eq(pubCsoCalls.outcome, f.outcome) : undefined,
  );
}

export function csoCallsReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async refuse(f) {
      const message = await protectedCategoryError(f.category, { db: await db() });
      return message ? { parameter: "category", message } : null;
    },
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubCsoCalls)
            .where(and(csoCallsWhere(f), afterKey(key, after)))
            .orderBy(...orderBy(key))
            .limit(n),
        limit,
        (r) => ({
          id: r.publicId,
          received_at: iso(r.receivedAt)!,
          time_precision: r.timePrecision,
          local_date: r.localDate,
          local_hour: r.localHour,
          category: r.category,
          category_label: r.categoryLabel,
          sensitive: r.sensitive,
          call_source: r.callSource as Row["call_source"],
          area: r.areaSlug,
          area_name: r.areaName,
          h3_cell: r.h3Cell,
          h3_resolution: r.h3Res,
          response_min: r.responseMin,
          clear_min: r.clearMin,
          outcome: r.outcome as Row["outcome"],
          referrals: r.referrals as Row["referrals"],
          report_written: r.reportWritten,
          fingerprints_collected: r.fingerprintsCollected,
          dna_collected: r.dnaCollected,
          sworn_backup_requested: r.swornBackupRequested,
        }),
        (r) => [iso(r.receivedAt), r.publicId],
      );
    },
    async count(f) {
      return logRows(await db(), "cso", pubCsoCalls, csoCallsWhere(f));
    },
  };
}
