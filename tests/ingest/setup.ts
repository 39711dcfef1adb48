// Reference data the ingest tests import against: categories, areas and docks of the demo city,
// the sheriff's station, and a ready-made path to each fixture.
import path from "node:path";
import { createReadStream } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { DbOrTx } from "../../db/client";
import { agencies, areas, droneDocks } from "../../db/schema";
import { installCallTaxonomy } from "../../server/seed/install";
import { city } from "../../lib/config/city";
import { limits } from "../../lib/ingest/limits";
import type { ImportOptions } from "../../server/ingest/import-file";
import { createTestDb, type TestDb } from "../helpers/db";

export const FIXTURES = path.resolve(__dirname, "../fixtures/ingest");
export const fixture = (name: string) => path.join(FIXTURES, name);
export const stream = (name: string) => createReadStream(fixture(name));

/** A fresh test database with the reference data for the calling file's tests, closed after them. */
export function useReferenceDb(ready: (t: TestDb) => void): void {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    await seedReference(t.db);
    ready(t);
  }, 600_000);
  afterAll(async () => t?.close());
}

export async function seedReference(db: DbOrTx): Promise<void> {
  const c = city();
  await installCallTaxonomy(db);
  await db.insert(areas).values(
    c.areas.map((a) => ({
      slug: a.properties.slug,
      name: a.properties.name,
      population: a.properties.population,
      boundary: a.geometry as never,
    })),
  );
  await db
    .insert(droneDocks)
    .values(c.docks.map((d) => ({ slug: d.slug, name: d.name, siteName: d.site, lat: d.lat, lon: d.lon })));
  await db
    .insert(agencies)
    .values({ name: c.lawEnforcementAgency, nameKey: c.lawEnforcementAgency.trim().toLowerCase(), kind: "city" });
}

export function options(
  dataset: ImportOptions["dataset"],
  fileName: string,
  extra: Partial<ImportOptions> = {},
): ImportOptions {
  const c = city();
  return {
    dataset,
    fileName,
    actor: { type: "cli", label: "test" },
    maxBytes: 10 * 1024 * 1024,
    limits: limits(),
    timeZone: c.timeZone,
    region: c.region,
    defaultAgency: c.lawEnforcementAgency,
    ...extra,
  };
}
