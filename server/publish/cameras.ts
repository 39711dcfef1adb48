import "server-only";
// The cameras and watch-center publisher: inventory (private cameras only as counts per area),
// sharing agreements, the access log 7 days after each access ended, and its rollups.
import { sql } from "drizzle-orm";
import { city } from "../../lib/config/city";
import { cameraAccessEvents, cameras, personnel } from "../../db/schema";
import { pseudonymsFor } from "./camera-sql";
import { publishAccesses } from "./cameras-accesses";
import { cameraPublicId, camerasAtSensitiveSites, clearInventory, publishInventory } from "./cameras-inventory";
import {
  CAMERA_DIMS,
  CAMERA_SCANS,
  cameraRollups,
  writeCameraRollups,
  type CameraRollups,
  type CamPeriod,
} from "./cameras-rollups";
import { partialCountsSelect } from "./grouping-sets";
import { writeRows } from "./scope-sql";
import { publishDaily } from "./daily";
import { clearRollups } from "./rollups";
import { recordDataset } from "./dataset";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import { fromZoned } from "../../lib/time";
import type { Publisher, PublishContext } from "./types";
import type { DbOrTx } from "../../db/client";

/** Pseudonyms for every person (not only those with accesses), so cameras and ALPR agree. */
export async function allPseudonyms(tx: DbOrTx, key: string): Promise<Map<string, string>> {
  const ids = await tx.select({ id: personnel.id }).from(personnel);
  return pseudonymsFor(
    ids.map((r) => r.id),
    key,
  );
}

/** Midnight of the pilot's first day in the city's time zone. */
export function pilotStart(timeZone: string): Date {
  const [y, m, d] = city().pilot.start.split("-").map(Number);
  return fromZoned({ year: y, month: m, day: d, hour: 0 }, timeZone);
}

export function periodsFor(ctx: Pick<PublishContext, "timeZone">, cutoff: Date): CamPeriod[] {
  return [
    { name: "last30", from: new Date(cutoff.getTime() - 30 * 86400_000), to: cutoff },
    { name: "since_launch", from: pilotStart(ctx.timeZone), to: cutoff },
  ];
}

/** Public ids of every camera (private ones too: accesses to them are logged without it). */
async function cameraPublicIds(tx: DbOrTx, key: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: cameras.id }).from(cameras);
  return new Map(rows.map((r) => [String(r.id), cameraPublicId(r.id, key)]));
}

type Built = { accesses: number; rollups: CameraRollups };

export const camerasPublisher: Publisher = {
  name: "cameras",
  // The access log is the longest build: it keeps Postgres's parallel workers (see Publisher.parallel).
  parallel: true,
  async build(ctx): Promise<Built> {
    const users = await allPseudonyms(ctx.tx, ctx.pseudonymKey);
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.cameraAccess);
    const accesses = await publishAccesses(ctx.shadow, {
      cutoff,
      timeZone: ctx.timeZone,
      key: ctx.pseudonymKey,
      pgcrypto: ctx.pgcrypto,
      users,
      cameraIds: await cameraPublicIds(ctx.tx, ctx.pseudonymKey),
      atSensitiveSites: await camerasAtSensitiveSites(ctx.tx),
      scope: ctx.scope,
    });
    await ctx.shadow.index("pub_camera_accesses");
    const table = ctx.shadow.nameOf("pub_camera_accesses");
    // The log's counts per local date (only the scope's dates rewritten), which the rollups sum.
    await writeRows(
      ctx.shadow,
      "publish_part_camera_accesses",
      ["scan", "local_date", "keys", "n"],
      partialCountsSelect(table, CAMERA_DIMS, CAMERA_SCANS, ctx.scope, ctx.timeZone),
      ctx.scope,
    );
    await ctx.shadow.index("publish_part_camera_accesses");
    // Counted here, beside the other builds; written by run.
    const rollups = await cameraRollups(
      ctx.tx,
      { table, partials: ctx.shadow.nameOf("publish_part_camera_accesses"), timeZone: ctx.timeZone },
      periodsFor(ctx, cutoff),
    );
    return { accesses, rollups };
  },
  async run(ctx) {
    const { tx } = ctx;
    const delay = ctx.rules.delayHours.cameraAccess;
    const { accesses, rollups } = ctx.built as Built;
    await clearInventory(tx);
    await clearRollups(tx, ["cameras"]);

    const inv = await publishInventory(tx, ctx.pseudonymKey);
    const log = ctx.shadow.nameOf("pub_camera_accesses");
    await publishDaily(tx, "cameras", log, ctx.scope);
    const [{ n: raw }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cameraAccessEvents);
    const rollupRows = await writeCameraRollups(tx, rollups);
    await recordDataset(ctx, "cameras", delay, accesses);
    return {
      sourceCounts: { cameras: inv.cameras, camera_access_events: raw, sharing_agreements: inv.sharing },
      publishedCounts: { pub_cameras: inv.published, pub_camera_accesses: accesses, pub_camera_rollups: rollupRows },
      cellsSuppressed: inv.suppressed + rollups.suppressed,
    };
  },
};
