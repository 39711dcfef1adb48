import "server-only";
// Camera inventory, private cameras by area and the access log, from the published camera tables.
import { and, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { pubCameraAccesses, pubCameras, pubPrivateCameraCounts } from "@/db/schema/published-cameras";
import type { cameraAccessesFilters, cameraAccessesRow } from "@/lib/opendata/datasets/camera-accesses";
import type { camerasFilters, camerasRow } from "@/lib/opendata/datasets/cameras";
import type { privateCamerasFilters, privateCamerasRow } from "@/lib/opendata/datasets/private-cameras";
import type { DatasetReader } from "@/lib/opendata/types";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";
import { logRows } from "./log-rows";

type Lazy = () => Promise<DbOrTx>;
const countOf = async (
  db: Lazy,
  table: typeof pubCameras | typeof pubCameraAccesses | typeof pubPrivateCameraCounts,
  w: SQL | undefined,
) => {
  const d = await db();
  const [r] = await d
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(w);
  return Number(r.n);
};

// ---- access log
type AF = z.infer<typeof cameraAccessesFilters>;
type ARow = z.infer<typeof cameraAccessesRow>;
const accessKey: KeyPart[] = [
  // The access log page's default order (hour, newest first; ties by id, descending too).
  { col: pubCameraAccesses.hour, cast: "timestamptz", dir: "desc" },
  { col: pubCameraAccesses.publicId, cast: "text", dir: "desc" },
];

export function cameraAccessesWhere(f: AF): SQL | undefined {
  return and(
    f.from ? gte(pubCameraAccesses.localDate, f.from) : undefined,
    f.to ? lte(pubCameraAccesses.localDate, f.to) : undefined,
    f.operation ? eq(pubCameraAccesses.operation, f.operation) : undefined,
    f.reason ? eq(pubCameraAccesses.reason, f.reason) : undefined,
    f.agency ? eq(pubCameraAccesses.agency, f.agency) : undefined,
    f.place ? eq(pubCameraAccesses.place, f.place) : undefined,
    f.user ? eq(pubCameraAccesses.user, f.user) : undefined,
    f.linked ? eq(pubCameraAccesses.linkedToCase, f.linked === "yes") : undefined,
  );
}

export function cameraAccessesReader(db: Lazy): DatasetReader<AF, ARow> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubCameraAccesses)
            .where(and(cameraAccessesWhere(f), afterKey(accessKey, after)))
            .orderBy(...orderBy(accessKey))
            .limit(n),
        limit,
        (r) => ({
          id: r.publicId,
          hour: iso(r.hour)!,
          local_date: r.localDate,
          camera_id: r.cameraPublicId,
          place: r.place,
          owner_class: r.ownerClass,
          area: r.areaSlug,
          user: r.user,
          user_role: r.userRole,
          agency: r.agency,
          operation: r.operation as ARow["operation"],
          reason: r.reason as ARow["reason"],
          linked_to_case: r.linkedToCase,
          shared_with: r.sharedWith,
        }),
        (r) => [iso(r.hour), r.publicId],
      );
    },
    count: async (f) => logRows(await db(), "cameras", pubCameraAccesses, cameraAccessesWhere(f)),
  };
}

// ---- inventory
type CF = z.infer<typeof camerasFilters>;
type CRow = z.infer<typeof camerasRow>;
const cameraKey: KeyPart[] = [{ col: pubCameras.publicId, cast: "text" }];

function camerasWhere(f: CF): SQL | undefined {
  return and(
    f.kind ? eq(pubCameras.kind, f.kind) : undefined,
    f.owner ? eq(pubCameras.owner, f.owner) : undefined,
    f.network ? eq(pubCameras.network, f.network) : undefined,
    f.area ? eq(pubCameras.areaSlug, f.area) : undefined,
    f.status ? eq(pubCameras.status, f.status) : undefined,
  );
}

export function camerasReader(db: Lazy): DatasetReader<CF, CRow> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubCameras)
            .where(and(camerasWhere(f), afterKey(cameraKey, after)))
            .orderBy(...orderBy(cameraKey))
            .limit(n),
        limit,
        (r) => ({
          id: r.publicId,
          name: r.name,
          kind: r.kind,
          owner: r.owner,
          owner_agency: r.ownerAgency,
          network: r.network,
          site: r.siteName,
          lat: r.lat,
          lon: r.lon,
          area: r.areaSlug,
          area_name: r.areaName,
          status: r.status,
          installed_on: r.installedOn,
          retention_days: r.retentionDays,
          integrated: r.integrated,
          integrated_on: r.integratedOn,
          integration_agreement: r.integrationAgreement,
        }),
        (r) => [r.publicId],
      );
    },
    count: (f) => countOf(db, pubCameras, camerasWhere(f)),
  };
}

// ---- private cameras by area ("*" is the city total; the API says "all")
type PF = z.infer<typeof privateCamerasFilters>;
type PRow = z.infer<typeof privateCamerasRow>;
const privateKey: KeyPart[] = [{ col: pubPrivateCameraCounts.areaSlug, cast: "text" }];
const privateWhere = (f: PF) =>
  f.area ? eq(pubPrivateCameraCounts.areaSlug, f.area === "all" ? "*" : f.area) : undefined;

export function privateCamerasReader(db: Lazy): DatasetReader<PF, PRow> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select()
            .from(pubPrivateCameraCounts)
            .where(and(privateWhere(f), afterKey(privateKey, after)))
            .orderBy(...orderBy(privateKey))
            .limit(n),
        limit,
        (r) => ({
          area: r.areaSlug === "*" ? "all" : r.areaSlug,
          area_name: r.areaName,
          count: r.suppressed ? null : r.count,
          suppressed: r.suppressed,
        }),
        (r) => [r.areaSlug],
      );
    },
    count: (f) => countOf(db, pubPrivateCameraCounts, privateWhere(f)),
  };
}
