import "server-only";
// "Data as of": what each published dataset covers, and the latest publication run.
import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { perPublicationReader } from "./cached-reader";
import { pubDatasets, publicationRuns } from "@/db/schema";

export type DatasetAsOf = typeof pubDatasets.$inferSelect;

async function getDatasetAsOfUncached({ dataset, db }: { dataset: string; db?: DbOrTx }): Promise<DatasetAsOf | null> {
  const d = db ?? (await getDb());
  const [r] = await d.select().from(pubDatasets).where(eq(pubDatasets.dataset, dataset)).limit(1);
  return r ?? null;
}

async function listDatasetsAsOfUncached({ db }: { db?: DbOrTx } = {}): Promise<DatasetAsOf[]> {
  const d = db ?? (await getDb());
  return d.select().from(pubDatasets).orderBy(pubDatasets.dataset);
}

/** The latest successful run: rules version, time, source counts, cells suppressed. */
export async function getLatestRun({ db }: { db?: DbOrTx } = {}) {
  const d = db ?? (await getDb());
  const [r] = await d
    .select({
      id: publicationRuns.id,
      asOf: publicationRuns.asOf,
      finishedAt: publicationRuns.finishedAt,
      rulesVersion: publicationRuns.rulesVersion,
      sourceCounts: publicationRuns.sourceCounts,
      publishedCounts: publicationRuns.publishedCounts,
      cellsSuppressed: publicationRuns.cellsSuppressed,
    })
    .from(publicationRuns)
    .where(eq(publicationRuns.status, "succeeded"))
    .orderBy(desc(publicationRuns.id))
    .limit(1);
  return r ?? null;
}
export const getDatasetAsOf = perPublicationReader("publication.getDatasetAsOf", getDatasetAsOfUncached);
export const listDatasetsAsOf = perPublicationReader("publication.listDatasetsAsOf", listDatasetsAsOfUncached);
