import "server-only";
// Camera inventory: city and other-agency cameras at their disclosed site; private cameras only
// as counts per area (suppressed, with the city total); sharing agreements as written by staff.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import {
  agencies,
  areas,
  cameras,
  pubCameras,
  pubPrivateCameraCounts,
  pubSharingAgreements,
  sharingAgreements,
} from "../../db/schema";
import { SENSITIVE_SITE_CAMERAS } from "../../lib/cameras/vocab";
import { city } from "../../lib/config/city";
import { rules } from "../../lib/publish/rules";
import { cameraSensitiveSite, type SensitiveSite } from "../../lib/publish/rules/sensitive-sites";
import { publicId } from "../../lib/publish/rules/public-id";
import { suppressSeries } from "../../lib/publish/rules/suppression";
import { insertJsonRows } from "../../db/sql";
import { breakdownRow, insertRollups } from "./rollups";

export type InventoryResult = {
  cameras: number;
  /** Database ids of the cameras at a sensitive site (their accesses show only the area). */
  atSensitiveSites: Set<number>;
  published: number;
  privateCameras: number;
  sharing: number;
  suppressed: number;
};

const round = (x: number) => Math.round(x * 10 ** rules.coordinateDecimals) / 10 ** rules.coordinateDecimals;

/** A camera's public id: a keyed hash of its database id. */
export const cameraPublicId = (id: number, key: string) => publicId("cam", "cameras", String(id), key);

/** Database ids of the cameras at (or named after) a sensitive site: see cameraSensitiveSite. */
export async function camerasAtSensitiveSites(
  tx: DbOrTx,
  sites: readonly SensitiveSite[] = city().sensitiveSites,
): Promise<Set<number>> {
  const rows = await tx
    .select({ id: cameras.id, name: cameras.name, siteName: cameras.siteName, lat: cameras.lat, lon: cameras.lon })
    .from(cameras);
  return new Set(rows.filter((c) => cameraSensitiveSite(c, sites) !== null).map((c) => c.id));
}

export async function publishInventory(tx: DbOrTx, key: string): Promise<InventoryResult> {
  const rows = await tx
    .select({ c: cameras, areaSlug: areas.slug, areaName: areas.name, agency: agencies.name })
    .from(cameras)
    .leftJoin(areas, eq(areas.id, cameras.areaId))
    .leftJoin(agencies, eq(agencies.id, cameras.ownerAgencyId));
  const cameraIds = new Map(rows.map((r) => [String(r.c.id), cameraPublicId(r.c.id, key)]));
  const atSite = await camerasAtSensitiveSites(tx);
  // Cameras at sensitive sites are published only as counts per area (below), never at their site.
  // A camera with no known location (added from an access log) has no site to show until staff add one.
  const disclosed = rows.filter((r) => r.c.owner !== "private" && !atSite.has(r.c.id) && r.c.lat !== null);
  const values = disclosed.map(({ c, areaSlug, areaName, agency }) => ({
    publicId: cameraIds.get(String(c.id))!,
    name: c.name,
    kind: c.kind,
    owner: c.owner as "city" | "other_agency",
    ownerAgency: agency,
    network: c.network,
    siteName: c.siteName,
    lat: round(c.lat!),
    lon: round(c.lon!),
    areaSlug,
    areaName,
    status: c.status,
    installedOn: c.installedAt,
    retentionDays: c.retentionDays,
    integrated: c.integrated,
    integratedOn: c.integratedOn,
    integrationAgreement: c.integrationAgreement,
  }));
  await insertJsonRows(tx, pubCameras, values);

  // Private cameras integrated now (active): counts per area with the total, suppressed.
  const allAreas = await tx
    .select({ id: areas.id, slug: areas.slug, name: areas.name })
    .from(areas)
    .orderBy(areas.name);
  const priv = rows.filter((r) => r.c.owner === "private" && r.c.status === "active");
  const perArea = allAreas.map((a) => priv.filter((r) => r.c.areaId === a.id).length);
  const unplaced = priv.filter((r) => r.c.areaId === null).length;
  const s = suppressSeries(unplaced > 0 ? [...perArea, unplaced] : perArea);
  const pc = allAreas.map((a, i) => ({
    areaSlug: a.slug,
    areaName: a.name,
    count: s.cells[i].value,
    suppressed: s.cells[i].suppressed,
  }));
  if (unplaced > 0)
    pc.push({
      areaSlug: "_none",
      areaName: "Outside the mapped areas",
      count: s.cells[perArea.length].value,
      suppressed: s.cells[perArea.length].suppressed,
    });
  pc.push({ areaSlug: "*", areaName: "All areas", count: s.total.value, suppressed: s.total.suppressed });
  await tx.insert(pubPrivateCameraCounts).values(pc);
  const sensitive = await sensitiveSiteCounts(
    tx,
    allAreas,
    rows.filter((r) => r.c.owner !== "private" && r.c.status === "active" && atSite.has(r.c.id)).map((r) => r.c.areaId),
  );

  const sharing = await tx
    .select({
      id: sharingAgreements.id,
      agency: agencies.name,
      program: sharingAgreements.program,
      direction: sharingAgreements.direction,
      dataShared: sharingAgreements.dataShared,
      startedOn: sharingAgreements.startedOn,
      endedOn: sharingAgreements.endedOn,
    })
    .from(sharingAgreements)
    .innerJoin(agencies, eq(agencies.id, sharingAgreements.agencyId));
  if (sharing.length) await tx.insert(pubSharingAgreements).values(sharing);

  return {
    cameras: rows.length,
    atSensitiveSites: atSite,
    published: values.length,
    privateCameras: priv.length,
    sharing: sharing.length,
    suppressed: s.suppressedCount + sensitive,
  };
}

/**
 * "Cameras at sensitive sites" per area, with the city total, suppressed like any count; written
 * beside the cameras' other breakdowns. Returns the cells suppressed.
 */
async function sensitiveSiteCounts(
  tx: DbOrTx,
  allAreas: { id: number; slug: string; name: string }[],
  areaIds: (number | null)[],
): Promise<number> {
  const perArea = allAreas.map((a) => areaIds.filter((id) => id === a.id).length);
  const unplaced = areaIds.filter((id) => id === null).length;
  const s = suppressSeries([...perArea, unplaced]);
  const cells = [
    ...allAreas.map((a, i) => ({ key: a.slug, label: a.name, c: s.cells[i] })),
    { key: "_none", label: "Outside the mapped areas", c: s.cells[perArea.length] },
  ].filter((x, i) => i < perArea.length || unplaced > 0);
  const breakdowns = [...cells, { key: "*", label: "All areas", c: s.total }].map((x, ord) =>
    breakdownRow("cameras", SENSITIVE_SITE_CAMERAS, "current", x.key, "", x.label, x.c, ord),
  );
  await insertRollups(tx, { breakdowns });
  return s.suppressedCount;
}

export async function clearInventory(tx: DbOrTx): Promise<void> {
  await tx.delete(pubCameras).where(sql`true`);
  await tx.delete(pubPrivateCameraCounts).where(sql`true`);
  await tx.delete(pubSharingAgreements).where(sql`true`);
}
