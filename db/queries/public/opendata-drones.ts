import "server-only";
// The drone flight log for downloads and the API: pub_flights only, newest first.
import { and, getTableColumns, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { pubFlights } from "@/db/schema/published-drones";
import type { droneFlightsFilters, droneFlightsRow } from "@/lib/opendata/datasets/drone-flights";
import type { DatasetReader } from "@/lib/opendata/types";
import { flightsWhere } from "./drones";
import { protectedCategoryError } from "./protected-categories";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";
import { logRows } from "./log-rows";

type F = z.infer<typeof droneFlightsFilters>;
type Row = z.infer<typeof droneFlightsRow>;
// The flight log page's default order: newest first, ties by public id.
const key: KeyPart[] = [
  { col: pubFlights.startedAt, cast: "timestamptz", dir: "desc" },
  { col: pubFlights.publicId, cast: "text", dir: "asc" },
];

/** The flight log page's own filter, so a download selects exactly the page's rows. */
export const droneFlightsWhere = (f: F): SQL | undefined => flightsWhere(f);

type Pub = typeof pubFlights.$inferSelect;
const toRow = (r: Pub): Row => ({
  id: r.publicId,
  started_at: iso(r.startedAt)!,
  time_precision: r.timePrecision,
  local_date: r.localDate,
  local_hour: r.localHour,
  category: r.category,
  category_label: r.categoryLabel,
  sensitive: r.sensitive,
  area: r.areaSlug,
  area_name: r.areaName,
  h3_cell: r.h3Cell,
  h3_resolution: r.h3Res,
  dock: r.dockSlug,
  dock_name: r.dockName,
  dock_site: r.dockSite,
  duration_min: r.durationMin,
  time_to_scene_min: r.timeToSceneMin,
  outcome: r.outcome as Row["outcome"],
  first_on_scene: r.firstOnScene,
  linked_to_call: r.linkedToCall,
  has_path: r.path !== null,
});

export function droneFlightsReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async refuse(f) {
      const message = await protectedCategoryError(f.category, { db: await db() });
      return message ? { parameter: "category", message } : null;
    },
    async batch(f, after, limit) {
      const d = await db();
      // The path itself stays on the permalink page: selecting it for 300,000 rows would be wasteful.
      const { path: _path, ...cols } = getTableColumns(pubFlights);
      return toBatch(
        (n) =>
          d
            .select({
              ...cols,
              path: sql<Pub["path"]>`case when ${pubFlights.path} is null then null else '{}'::jsonb end`,
            })
            .from(pubFlights)
            .where(and(droneFlightsWhere(f), afterKey(key, after)))
            .orderBy(...orderBy(key))
            .limit(n),
        limit,
        toRow,
        (r) => [iso(r.startedAt), r.publicId],
      );
    },
    async count(f) {
      return logRows(await db(), "drones", pubFlights, droneFlightsWhere(f));
    },
  };
}
