import "server-only";
// The drones publisher: per-flight rows, rollups, H3 activity and the "data as of" record.
import { sql } from "drizzle-orm";
import { city } from "../../../lib/config/city";
import { publishDaily } from "../daily";
import { recordDataset } from "../dataset";
import { publicationCutoff } from "../../../lib/publish/rules/delay";
import { keepCells } from "../scope-sql";
import { fromZoned } from "../../../lib/time";
import type { Publisher, PublishContext } from "../types";
import { publishFlights, publishedPaths, writePaths, type PublishedPath } from "./flights";
import { baseFlights } from "./rollup-sql";
import { droneRollups, writeDroneRollups, type DroneRollups } from "./rollups";
import { loadFlightPlaces } from "./source";

type Built = { flights: number; rows: number; cellsSuppressed: number; cells: string[] };

export const dronesPublisher: Publisher = {
  name: "drones",
  async build(ctx): Promise<Built> {
    const cut = cutoffs(ctx);
    const flights = await loadFlightPlaces(ctx.tx, cut);
    const f = await publishFlights(
      ctx.shadow,
      flights,
      cut,
      ctx.pseudonymKey,
      ctx.pgcrypto,
      ctx.timeZone,
      ctx.scope,
      ctx.tx,
    );
    await ctx.shadow.index("pub_flights");
    return { flights: flights.length, ...f };
  },
  parts: {
    // Paths and rollups beside the rows, each on a connection of its own where there are spare
    // ones: the paths are about half the build's work in Node (see ./flights.ts).
    paths: (ctx) =>
      publishedPaths(ctx.tx, cutoffs(ctx), ctx.pseudonymKey, { scope: ctx.scope, timeZone: ctx.timeZone }),
    rollups: async (ctx) => {
      const cut = cutoffs(ctx);
      // Every rollup reads the same published-flights set: build it once per run (a temporary
      // table dropped at commit) instead of re-joining and re-converting time zones in each query.
      await ctx.tx.execute(sql`drop table if exists _pub_drone_base`);
      await ctx.tx.execute(sql`create temp table _pub_drone_base on commit drop as ${baseFlights(cut, ctx.timeZone)}`);
      const rollups = await droneRollups(
        ctx.tx,
        sql`select * from _pub_drone_base`,
        [
          { name: "last30", from: new Date(cut.normal.getTime() - 30 * 86400_000), to: cut.normal },
          { name: "since_launch", from: pilotStartDate(ctx.timeZone), to: cut.normal },
        ],
        await loadFlightPlaces(ctx.tx, cut),
        ctx.timeZone,
      );
      await ctx.tx.execute(sql`drop table _pub_drone_base`);
      return rollups;
    },
  },
  async run(ctx) {
    const { flights, rows, cellsSuppressed, cells } = ctx.built as Built;
    await keepCells(ctx.tx, "drones", cells);
    const rollups = ctx.parts!.rollups as DroneRollups;
    await writePaths(ctx.tx, ctx.shadow.nameOf("pub_flights"), ctx.parts!.paths as PublishedPath[]);
    await publishDaily(ctx.tx, "drones", ctx.shadow.nameOf("pub_flights"), ctx.scope);
    const rollupRows = await writeDroneRollups(ctx.tx, rollups);
    await recordDataset(ctx, "drones", ctx.rules.delayHours.droneFlights, rows);
    return {
      sourceCounts: { drone_flights: flights },
      publishedCounts: { pub_flights: rows, pub_drone_rollups: rollupRows },
      cellsSuppressed: cellsSuppressed + rollups.cellsSuppressed,
    };
  },
};

function cutoffs(ctx: Pick<PublishContext, "asOf" | "rules">) {
  const d = ctx.rules.delayHours;
  return {
    normal: publicationCutoff(ctx.asOf, d.droneFlights),
    sensitive: publicationCutoff(ctx.asOf, d.droneFlightsSensitive),
  };
}

/** Flights before the pilot's start (test flights) do not count toward "since launch". */
function pilotStartDate(timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(city().pilot.start);
  return m ? fromZoned({ year: +m[1], month: +m[2], day: +m[3], hour: 0 }, timeZone) : null;
}
