import "server-only";
// Public read model for cameras and the watch center: reads only published tables.
import { and, asc, desc, eq, inArray, ne, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { perPublicationReader } from "./cached-reader";
import { logRows } from "./log-rows";
import { pubCameraAccesses, pubCameras, pubPrivateCameraCounts, pubSharingAgreements } from "@/db/schema";
import type { AccessLogFilters, AccessSort } from "@/lib/cameras/log-filters";
import { localDateRange } from "./local-dates";
import { getBreakdownKeys } from "./rollups";

type Opt = { db?: DbOrTx };
const use = async (o: Opt) => o.db ?? (await getDb());

export type PubCamera = typeof pubCameras.$inferSelect;
export type PubAccess = typeof pubCameraAccesses.$inferSelect;

/** City and other-agency cameras (not plate readers), or only plate readers. */
async function listCamerasUncached(o: Opt & { plateReaders?: boolean } = {}): Promise<PubCamera[]> {
  const d = await use(o);
  return d
    .select()
    .from(pubCameras)
    .where(o.plateReaders ? eq(pubCameras.kind, "plate_reader") : ne(pubCameras.kind, "plate_reader"))
    .orderBy(asc(pubCameras.areaName), asc(pubCameras.name));
}

async function listPrivateCameraCountsUncached(o: Opt = {}) {
  const d = await use(o);
  return d.select().from(pubPrivateCameraCounts).orderBy(asc(pubPrivateCameraCounts.areaName));
}

async function listSharingAgreementsUncached(o: Opt & { programs: string[] }) {
  const d = await use(o);
  return d
    .select()
    .from(pubSharingAgreements)
    .where(inArray(pubSharingAgreements.program, o.programs))
    .orderBy(asc(pubSharingAgreements.program), asc(pubSharingAgreements.agency));
}

function accessWhere(f: AccessLogFilters): SQL | undefined {
  const t = pubCameraAccesses;
  return and(
    localDateRange(t.hour, f.from, f.to),
    f.operation ? eq(t.operation, f.operation) : undefined,
    f.reason ? eq(t.reason, f.reason) : undefined,
    f.agency ? eq(t.agency, f.agency) : undefined,
    f.place ? eq(t.place, f.place) : undefined,
    f.user ? eq(t.user, f.user) : undefined,
    f.linked ? eq(t.linkedToCase, f.linked === "yes") : undefined,
  );
}

const ACCESS_SORT_COLS = {
  hour: pubCameraAccesses.hour,
  place: pubCameraAccesses.place,
  user: pubCameraAccesses.user,
  agency: pubCameraAccesses.agency,
  operation: pubCameraAccesses.operation,
  reason: pubCameraAccesses.reason,
} as const;

/** One page of the access log plus the number of matching accesses. */
async function getAccessLogUncached(
  o: Opt & { filters: AccessLogFilters; sort: AccessSort; dir: "asc" | "desc"; page: number; pageSize: number },
): Promise<{ rows: PubAccess[]; total: number }> {
  const d = await use(o);
  const where = accessWhere(o.filters);
  const order = o.dir === "asc" ? asc : desc;
  const tie =
    o.sort === "hour"
      ? [order(pubCameraAccesses.publicId)]
      : [desc(pubCameraAccesses.hour), asc(pubCameraAccesses.publicId)];
  const [rows, total] = await Promise.all([
    d
      .select()
      .from(pubCameraAccesses)
      .where(where)
      .orderBy(order(ACCESS_SORT_COLS[o.sort]), ...tie)
      .limit(o.pageSize)
      .offset((o.page - 1) * o.pageSize),
    logRows(d, "cameras", pubCameraAccesses, where),
  ]);
  return { rows, total };
}

/** Choices for the access-log filters: every published place and agency. */
async function getAccessFilterOptionsUncached(o: Opt = {}): Promise<{ places: string[]; agencies: string[] }> {
  const d = await use(o);
  const cams = await d
    .select({ name: pubCameras.name })
    .from(pubCameras)
    .where(ne(pubCameras.kind, "plate_reader"))
    .orderBy(asc(pubCameras.name));
  const priv = await d
    .select({ name: pubPrivateCameraCounts.areaName, slug: pubPrivateCameraCounts.areaSlug })
    .from(pubPrivateCameraCounts);
  const agencies = await getBreakdownKeys({ dataset: "cameras", breakdowns: ["agency"], db: d });
  const privatePlaces = priv
    .filter((p) => p.slug !== "*")
    .map((p) => `private camera, ${p.slug === "_none" ? "outside the mapped areas" : p.name}`);
  return { places: [...cams.map((c) => c.name), ...privatePlaces], agencies: agencies.map((a) => a.key) };
}
export const listCameras = perPublicationReader("cameras.listCameras", listCamerasUncached);
export const listPrivateCameraCounts = perPublicationReader(
  "cameras.listPrivateCameraCounts",
  listPrivateCameraCountsUncached,
);
export const listSharingAgreements = perPublicationReader(
  "cameras.listSharingAgreements",
  listSharingAgreementsUncached,
);
export const getAccessLog = perPublicationReader("cameras.getAccessLog", getAccessLogUncached);
export const getAccessFilterOptions = perPublicationReader(
  "cameras.getAccessFilterOptions",
  getAccessFilterOptionsUncached,
);
