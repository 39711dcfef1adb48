import "server-only";
// The open-data read model: one keyset reader per dataset over published tables (and staff
// content that is public as written), plus the latest publication for "data as of".
import { desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubDatasets, publicationRuns } from "@/db/schema/published";
import type { OpenDataSource } from "@/lib/opendata/source";
import type { DatasetReader, PublicationInfo } from "@/lib/opendata/types";
import { alprSearchesReader } from "./opendata-alpr";
import { budgetItemsReader } from "./opendata-budget";
import { cameraAccessesReader, camerasReader, privateCamerasReader } from "./opendata-cameras";
import { csoCallsReader } from "./opendata-cso";
import { droneFlightsReader } from "./opendata-drones";
import { findingsCountsReader } from "./opendata-findings";
import { publicationsReader } from "./opendata-publications";
import { perPublication } from "./per-publication";
import { perPublicationDatasetReader } from "./cached-reader";
import { getDataset } from "@/lib/opendata/registry";
import { isOpenDataset, type OpenDataset } from "@/lib/vocab";

type ReaderFactory = (db: () => Promise<DbOrTx>) => DatasetReader<never, Record<string, unknown>>;

// Typed over every open dataset: a dataset without a reader does not compile.
const readers: Record<OpenDataset, ReaderFactory> = {
  "drone-flights": droneFlightsReader,
  "camera-accesses": cameraAccessesReader,
  cameras: camerasReader,
  "private-cameras-by-area": privateCamerasReader,
  "plate-reader-searches": alprSearchesReader,
  "cso-calls": csoCallsReader,
  "budget-items": budgetItemsReader,
  "findings-counts": findingsCountsReader,
  publications: publicationsReader,
};

export async function latestPublication(db?: DbOrTx): Promise<PublicationInfo> {
  const d = db ?? (await getDb());
  const [r] = await d
    .select({
      runId: publicationRuns.id,
      asOf: publicationRuns.asOf,
      finishedAt: publicationRuns.finishedAt,
      rulesVersion: publicationRuns.rulesVersion,
    })
    .from(publicationRuns)
    .where(eq(publicationRuns.status, "succeeded"))
    .orderBy(desc(publicationRuns.id))
    .limit(1);
  return r ?? null;
}

/**
 * Readers bound to a database: the app's (default) or a test's. Datasets built by the publisher
 * answer from memory until the next publication; staff content is read afresh.
 */
export function openDataSource(db?: DbOrTx): OpenDataSource {
  const get = () => (db ? Promise.resolve(db) : getDb());
  return {
    reader: (slug) => {
      const r = isOpenDataset(slug) ? readers[slug](get) : undefined;
      if (!r || getDataset(slug)?.source !== "publication") return r;
      return perPublicationDatasetReader(slug, db, r);
    },
    publication: async () => latestPublication(await get()),
  };
}

/** Matching rows per dataset, for the /data page. */
export async function datasetRowCount(slug: string, db?: DbOrTx): Promise<number | null> {
  const r = openDataSource(db).reader(slug);
  if (!r) return null;
  try {
    return await r.count({});
  } catch (e) {
    // One broken dataset must not take the whole catalogue down; its row count reads "not available".
    console.error(`open data: counting ${slug} failed`, e);
    return null;
  }
}

export type DatasetStatus = {
  runId: number;
  publishedAt: Date;
  asOf: Date;
  cutoff: Date;
  delayHours: number;
  rows: number;
};

/** Each publisher's "data as of" record, by its pub_datasets name. */
export async function datasetStatuses(db?: DbOrTx): Promise<Map<string, DatasetStatus>> {
  const d = db ?? (await getDb());
  const rows = await d.select().from(pubDatasets);
  return new Map(rows.map((r) => [r.dataset, r]));
}

/** The latest publication run in full (for the methodology page). */
export async function latestPublicationRecord(db?: DbOrTx) {
  const d = db ?? (await getDb());
  const [r] = await d
    .select()
    .from(publicationRuns)
    .where(eq(publicationRuns.status, "succeeded"))
    .orderBy(desc(publicationRuns.id))
    .limit(1);
  return r ?? null;
}

/**
 * Unfiltered row counts for /data. Published datasets only change when a publication runs, so a
 * count is reused until the next run; staff content is counted every time (it is small).
 */
export async function datasetRowCounts(
  slugs: { slug: string; source: "publication" | "staff" }[],
  db?: DbOrTx,
): Promise<(number | null)[]> {
  const out: (number | null)[] = [];
  for (const { slug, source } of slugs) {
    out.push(
      source === "publication"
        ? await perPublication(db, `opendata.rows:${slug}`, (d) => datasetRowCount(slug, d))
        : await datasetRowCount(slug, db),
    );
  }
  return out;
}
