// `daylight setup --no-demo` for another city: reference data from the config, updated in place.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { agencies, areas, auditLog, callCategories, callTypeMappings, droneDocks, programs } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { city, type CityConfig } from "../../lib/config/city";
import { setUpCity } from "../../server/setup";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { options, stream } from "./setup";

// An empty database: nothing but migrations, as `daylight setup --no-demo` finds it.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
}, 600_000);
afterAll(async () => t?.close());

const n = async (table: typeof areas | typeof agencies) => Number((await t.db.select({ n: count() }).from(table))[0].n);

/** Another city, made from the demo config: renamed agency, a second dock. */
function otherCity(): CityConfig {
  const c = structuredClone(city());
  return { ...c, name: "City of Westbrook", lawEnforcementAgency: "Westbrook Police Department" };
}

describe(`setting a city up from its config (${dbMode})`, () => {
  it("installs areas with populations, docks, programs, the agency and the call taxonomy", async () => {
    const c = otherCity();
    const changes = await setUpCity(t.db, c);
    expect(await n(areas)).toBe(c.areas.length);
    const [first] = await t.db.select().from(areas).where(eq(areas.slug, c.areas[0].properties.slug));
    expect(first.population).toBe(c.areas[0].properties.population);
    expect((await t.db.select().from(droneDocks)).map((d) => d.slug).sort()).toEqual(c.docks.map((d) => d.slug).sort());
    expect(await t.db.select({ slug: programs.slug }).from(programs)).toHaveLength(5);
    expect((await t.db.select().from(agencies)).map((a) => a.name).sort()).toEqual([
      "City of Westbrook",
      "Westbrook Police Department",
    ]);
    const cats = await t.db.select().from(callCategories);
    expect(cats.find((k) => k.code === "unclassified")).toMatchObject({
      label: "Not yet classified",
      sensitive: false,
    });
    expect(cats.find((k) => k.code === "domestic_violence")?.sensitive).toBe(true);
    expect(cats.find((k) => k.code === "welfare_check")?.sensitive).toBe(true);
    const [m] = await t.db.select().from(callTypeMappings).where(eq(callTypeMappings.key, "459"));
    expect(m.category).toBe("burglary");
    expect(changes).toContain(`added agency Westbrook Police Department`);
    expect(changes.some((l) => l.startsWith("added area "))).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "setup.reference"));
    expect(audit).toHaveLength(1);
  });

  it("then imports flights with no --partial and no code change", async () => {
    const r = await importFile(t.db, stream("sf-drone-log.csv"), {
      ...options("flights", "sf-drone-log.csv"),
      defaultAgency: "Westbrook Police Department",
    });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", inserted: 3 });
  });

  it("re-running changes nothing; after a config edit it updates in place and says what changed", async () => {
    expect(await setUpCity(t.db, otherCity())).toEqual([]);
    const c = otherCity();
    const slug = c.areas[0].properties.slug;
    c.areas[0].properties.population += 1234;
    c.docks[0] = { ...c.docks[0], name: "Renamed dock" };
    const before = { areas: await n(areas), agencies: await n(agencies) };
    const changes = await setUpCity(t.db, c);
    expect(changes).toEqual([
      expect.stringMatching(new RegExp(`^updated area ${slug}: population \\d+ → \\d+$`)),
      `updated dock ${c.docks[0].slug}`,
    ]);
    expect({ areas: await n(areas), agencies: await n(agencies) }).toEqual(before);
    const [a] = await t.db.select().from(areas).where(eq(areas.slug, slug));
    expect(a.population).toBe(c.areas[0].properties.population);
  });
});
