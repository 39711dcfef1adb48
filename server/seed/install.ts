import "server-only";
// Reference data a city needs before its first import, from its config file and the standard call
// taxonomy: areas with populations, programs, the law-enforcement agency, docks, call categories
// and the default call-type mappings. Upserts by natural key, so running it again after editing
// the config updates rows in place; each change comes back as one plain line.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { agencies, areas, callCategories, callTypeMappings, droneDocks, programs } from "../../db/schema";
import type { CityConfig } from "../../lib/config/city";
import { CALL_TYPE_MAP, callTypeKey } from "../../lib/ingest/call-type-map";
import { CATEGORIES } from "./categories";
import { PROGRAMS } from "./programs";
import { areaOf, toShape } from "./geo";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The standard call categories (codes, labels, sensitive flags) and the shipped default mappings. */
export async function installCallTaxonomy(tx: DbOrTx): Promise<string[]> {
  const changes: string[] = [];
  const existing = new Map((await tx.select().from(callCategories)).map((c) => [c.code, c]));
  const added: string[] = [];
  for (const k of CATEGORIES) {
    const want = { code: k.code, label: k.label, sensitive: !!k.sensitive, grouping: k.grouping };
    const had = existing.get(k.code);
    if (!had) {
      await tx.insert(callCategories).values(want);
      added.push(want.sensitive ? `${k.code} (sensitive)` : k.code);
    } else if (had.label !== want.label || had.sensitive !== want.sensitive || had.grouping !== want.grouping) {
      await tx.update(callCategories).set(want).where(eq(callCategories.code, k.code));
      changes.push(`updated call category ${k.code}`);
    }
  }
  if (added.length) changes.push(`added ${added.length} call categories: ${added.join(", ")}`);
  // Defaults never overwrite a mapping that exists (staff may have changed it).
  const mapped = await tx
    .insert(callTypeMappings)
    .values(Object.entries(CALL_TYPE_MAP).map(([raw, category]) => ({ key: callTypeKey(raw), category })))
    .onConflictDoNothing()
    .returning({ key: callTypeMappings.key });
  if (mapped.length) changes.push(`added ${mapped.length} default call-type mappings`);
  return changes;
}

/** Everything from the city config (see the file comment). Returns what changed, one line each. */
export async function installCityReference(tx: DbOrTx, c: CityConfig): Promise<string[]> {
  const changes: string[] = [];
  const oldAreas = new Map((await tx.select().from(areas)).map((a) => [a.slug, a]));
  for (const f of c.areas) {
    const want = {
      slug: f.properties.slug,
      name: f.properties.name,
      kind: c.areaKind,
      population: f.properties.population,
      boundary: f.geometry,
    };
    const had = oldAreas.get(want.slug);
    if (!had) {
      await tx.insert(areas).values(want);
      changes.push(`added area ${want.name} (population ${want.population.toLocaleString("en-US")})`);
      continue;
    }
    const what = [
      had.name !== want.name && `name "${had.name}" → "${want.name}"`,
      had.population !== want.population && `population ${had.population} → ${want.population}`,
      had.kind !== want.kind && `kind ${had.kind} → ${want.kind}`,
      !same(had.boundary, want.boundary) && "boundary",
    ].filter(Boolean);
    if (what.length) {
      await tx.update(areas).set(want).where(eq(areas.id, had.id));
      changes.push(`updated area ${want.slug}: ${what.join(", ")}`);
    }
  }
  const kept = new Set(c.areas.map((f) => f.properties.slug));
  for (const slug of oldAreas.keys())
    if (!kept.has(slug)) changes.push(`area ${slug} is no longer in the areas file (kept: records refer to it)`);

  // Programs are added once; their status and dates are then staff's to keep.
  const oldPrograms = new Set((await tx.select({ slug: programs.slug }).from(programs)).map((p) => p.slug));
  for (const p of PROGRAMS) {
    if (oldPrograms.has(p.slug)) continue;
    await tx.insert(programs).values({ ...p, status: "pilot", startDate: c.pilot.start });
    changes.push(`added program ${p.name} (pilot from ${c.pilot.start})`);
  }

  for (const name of [c.lawEnforcementAgency, c.name]) {
    const added = await tx
      .insert(agencies)
      .values({ name, nameKey: name.trim().toLowerCase(), kind: "city" })
      .onConflictDoNothing()
      .returning({ id: agencies.id });
    if (added.length) changes.push(`added agency ${name}`);
  }

  const shapes = (await tx.select({ id: areas.id, slug: areas.slug, boundary: areas.boundary }).from(areas)).map((a) =>
    toShape(a.id, a.slug, a.boundary),
  );
  const oldDocks = new Map((await tx.select().from(droneDocks)).map((d) => [d.slug, d]));
  for (const d of c.docks) {
    const want = {
      slug: d.slug,
      name: d.name,
      siteName: d.site,
      lat: d.lat,
      lon: d.lon,
      areaId: areaOf([d.lon, d.lat], shapes)?.id ?? null,
    };
    const had = oldDocks.get(d.slug);
    if (!had) {
      await tx.insert(droneDocks).values(want);
      changes.push(`added dock ${d.name}`);
    } else if (
      had.name !== want.name ||
      had.siteName !== want.siteName ||
      had.lat !== want.lat ||
      had.lon !== want.lon ||
      had.areaId !== want.areaId
    ) {
      await tx.update(droneDocks).set(want).where(eq(droneDocks.id, had.id));
      changes.push(`updated dock ${d.slug}`);
    }
  }
  changes.push(...(await installCallTaxonomy(tx)));
  return changes;
}
