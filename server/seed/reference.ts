import "server-only";
// Reference data: areas, programs, categories, agencies, personnel, docks and aircraft.
import type { DbOrTx } from "../../db/client";
import { agencies, areas, droneAircraft, droneDocks, personnel, programs } from "../../db/schema";
import type { CityConfig } from "../../lib/config/city";
import { installCallTaxonomy } from "./install";
import { PROGRAMS } from "./programs";
import { areaOf, toShape, type AreaShape, type LonLat } from "./geo";
import { nameFactory } from "./names";
import { createRng } from "./rng";

type ProgramSlug = (typeof programs.$inferInsert)["slug"];
type Role = NonNullable<(typeof personnel.$inferInsert)["role"]>;
export type Person = { id: number; agencyId: number; role: Role; name: string };
export type Dock = { id: number; slug: string; point: LonLat; areaId: number | null; aircraftId: number };

export type SeedRef = {
  areas: AreaShape[];
  programIds: Record<ProgramSlug, number>;
  agencyIds: Record<string, number>;
  cameraUsers: Person[];
  pilots: Person[];
  csos: Person[];
  docks: Dock[];
};

const AGENCIES: { key: string; name?: string; kind: (typeof agencies.$inferInsert)["kind"] }[] = [
  { key: "sheriff", kind: "county" },
  { key: "city", kind: "city" },
  { key: "harbor_city_pd", name: "Harbor City Police Department", kind: "city" },
  { key: "bayside_pd", name: "Bayside Police Department", kind: "city" },
  { key: "county_da", name: "County District Attorney's Office", kind: "county" },
  { key: "county_probation", name: "County Probation Department", kind: "county" },
  { key: "fusion_center", name: "State Regional Threat Assessment Center", kind: "state" },
  { key: "highway_patrol", name: "State Highway Patrol", kind: "state" },
  { key: "federal", name: "Federal Bureau of Investigation, Field Office", kind: "federal" },
  { key: "sunridge_security", name: "Sunridge Shopping Center Security", kind: "private" },
  { key: "harbor_market", name: "Harbor Market Grocery", kind: "private" },
  { key: "plate_network", name: "PlateWatch Network (vendor)", kind: "private" },
];

/** Camera users by role (sheriff's station staff plus a few outside investigators). */
const CAMERA_USERS: [Role, number, string][] = [
  ["watch_center_operator", 9, "sheriff"],
  ["detective", 8, "sheriff"],
  ["patrol_deputy", 12, "sheriff"],
  ["supervisor", 3, "sheriff"],
  ["analyst", 3, "sheriff"],
  ["records", 1, "sheriff"],
  ["detective", 2, "harbor_city_pd"],
  ["analyst", 1, "county_da"],
  ["detective", 1, "bayside_pd"],
];

/** staffing: how many times the pilot's camera users the agencies employ (profiles.ts). */
export async function seedReference(tx: DbOrTx, c: CityConfig, seed: number, staffing = 1): Promise<SeedRef> {
  const rng = createRng(seed, "reference");
  const areaRows = await tx
    .insert(areas)
    .values(
      c.areas.map((f) => ({
        slug: f.properties.slug,
        name: f.properties.name,
        kind: c.areaKind,
        population: f.properties.population,
        boundary: f.geometry,
        propertyCrimeRate: Math.round(rng.float(14, 42) * 10) / 10,
        communityFeedbackScore: Math.round(rng.float(2.6, 4.4) * 10) / 10,
      })),
    )
    .returning({ id: areas.id, slug: areas.slug, boundary: areas.boundary });
  const shapes = areaRows.map((a) => toShape(a.id, a.slug, a.boundary));

  const progRows = await tx
    .insert(programs)
    .values(PROGRAMS.map((p) => ({ ...p, status: "pilot" as const, startDate: c.pilot.start })))
    .returning({ id: programs.id, slug: programs.slug });
  const programIds = Object.fromEntries(progRows.map((p) => [p.slug, p.id])) as Record<ProgramSlug, number>;

  await installCallTaxonomy(tx);

  const agencyValues = AGENCIES.map((a) => {
    const name = a.name ?? (a.key === "sheriff" ? c.lawEnforcementAgency : c.name);
    return { name, nameKey: name.trim().toLowerCase(), kind: a.kind };
  });
  const agencyRows = await tx.insert(agencies).values(agencyValues).returning({ id: agencies.id });
  const agencyIds = Object.fromEntries(AGENCIES.map((a, i) => [a.key, agencyRows[i].id]));

  const newName = nameFactory(rng);
  const people: {
    displayName: string;
    nameKey: string;
    agencyId: number;
    role: Role;
    badgeNumber: string | null;
    externalId: string;
  }[] = [];
  const add = (role: Role, agencyKey: string, sworn: boolean) => {
    const displayName = newName();
    people.push({
      displayName,
      nameKey: displayName.toLowerCase(),
      agencyId: agencyIds[agencyKey],
      role,
      badgeNumber: sworn ? String(rng.int(1000, 9999)) : null,
      externalId: `EMP-${String(people.length + 1).padStart(4, "0")}`,
    });
  };
  for (const [role, n, agency] of CAMERA_USERS)
    for (let i = 0; i < n * staffing; i++) add(role, agency, role !== "analyst" && role !== "records");
  for (let i = 0; i < 6; i++) add("drone_pilot", "sheriff", true);
  for (let i = 0; i < 12; i++) add("cso", "city", false);
  const personRows = await tx
    .insert(personnel)
    .values(people)
    .returning({ id: personnel.id, agencyId: personnel.agencyId, role: personnel.role, name: personnel.displayName });
  const byRole = (r: Role) => personRows.filter((p) => p.role === r);

  const docks: Dock[] = [];
  for (const [i, d] of c.docks.entries()) {
    const point: LonLat = [d.lon, d.lat];
    const areaId = areaOf(point, shapes)?.id ?? null;
    const [dock] = await tx
      .insert(droneDocks)
      .values({
        slug: d.slug,
        name: d.name,
        siteName: d.site,
        lat: d.lat,
        lon: d.lon,
        areaId,
        installedAt: new Date(`${c.pilot.start}T08:00:00Z`),
      })
      .returning({ id: droneDocks.id });
    const [aircraft] = await tx
      .insert(droneAircraft)
      .values({
        dockId: dock.id,
        model: "Skyline X10 DFR",
        serialNumber: `SX10-${c.shortName.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`,
      })
      .returning({ id: droneAircraft.id });
    docks.push({ id: dock.id, slug: d.slug, point, areaId, aircraftId: aircraft.id });
  }

  const cameraUsers = personRows.filter((p) => !["drone_pilot", "cso"].includes(p.role));
  return {
    areas: shapes,
    programIds,
    agencyIds,
    cameraUsers,
    pilots: byRole("drone_pilot"),
    csos: byRole("cso"),
    docks,
  };
}
