import "server-only";
// The open-data read model: one keyset reader per dataset over published tables (and staff
// content that is public as written), plus the latest publication for "data as of".
import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { publicationRuns } from "@/db/schema/published";
import type { OpenDataSource } from "@/lib/opendata/http/source";
import type { DatasetReader, PublicationInfo } from "@/lib/opendata/types";
import { budgetItemsReader } from "./opendata-budget";
import { publicationsReader } from "./opendata-publications";

type ReaderFactory = (db: () => Promise<DbOrTx>) => DatasetReader<never, Record<string, unknown>>;

const readers: Record<string, ReaderFactory> = {
  "budget-items": budgetItemsReader as ReaderFactory,
  publications: publicationsReader as ReaderFactory,
};

export async function latestPublication(db: DbOrTx): Promise<PublicationInfo> {
  const [r] = await db
    .select({ runId: publicationRuns.id, asOf: publicationRuns.asOf, finishedAt: publicationRuns.finishedAt, rulesVersion: publicationRuns.rulesVersion })
    .from(publicationRuns)
    .where(eq(publicationRuns.status, "succeeded"))
    .orderBy(desc(publicationRuns.id))
    .limit(1);
  return r ?? null;
}

/** Readers bound to a database: the app's (default) or a test's. */
export function openDataSource(db?: DbOrTx): OpenDataSource {
  const get = () => (db ? Promise.resolve(db) : getDb());
  return {
    reader: (slug) => readers[slug]?.(get) as DatasetReader | undefined,
    publication: async () => latestPublication(await get()),
  };
}

/** Matching rows per dataset, for the /data page. */
export async function datasetRowCount(slug: string, db?: DbOrTx): Promise<number | null> {
  const r = openDataSource(db).reader(slug);
  return r ? r.count({}) : null;
}
