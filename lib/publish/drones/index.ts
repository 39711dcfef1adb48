// The drones publisher: per-flight rows, rollups, H3 activity and the "data as of" record.
import { sql } from "drizzle-orm";
import { city } from "../../config/city";
import { publishDaily } from "../daily";
import { recordDataset } from "../dataset";
import { fromZoned, publicationCutoff } from "../rules/time";
import type { Publisher, PublishContext } from "../types";
import { publishFlights, publishedPaths, writePaths, type PublishedPath } from "./flights";
import { baseFlights } from "./rollup-sql";
import { droneRollups, writeDroneRollups, type DroneRollups } from "./rollups";
import { loadFlights, loadReference } from "./source";

type Built = { flights: number; rows: number; cellsSuppressed: number; rollups: DroneRollups };

export const dronesPublisher: Publisher = {
  name: "drones",
  async build(ctx): Promise<Built> {
    const cut = cutoffs(ctx);
    const ref = await loadReference(ctx.tx);
    const flights = await loadFlights(ctx.tx, cut);
    const log = await ctx.shadow.create("pub_flights");
    const f = await publishFlights(ctx.tx, log, flights, ref, ctx.pseudonymKey, ctx.timeZone);
    await ctx.shadow.index("pub_flights");
    // Every rollup reads the same published-flights set: build it once per run (a temporary
    // table dropped at commit) instead of re-joining and re-converting time zones in each query.
    await ctx.tx.execute(sql`drop table if exists _pub_drone_base`);
    await ctx.tx.execute(sql`create temp table _pub_drone_base on commit drop as ${baseFlights(cut, ctx.timeZone)}`);
    const rollups = await droneRollups(ctx.tx, sql`select * from _pub_drone_base`, [
      { name: "last30", from: new Date(cut.normal.getTime() - 30 * 86400_000), to: cut.normal },
      { name: "since_launch", from: pilotStartDate(ctx.timeZone), to: cut.normal },
    ], flights, ctx.timeZone);
    await ctx.tx.execute(sql`drop table _pub_drone_base`);
    return { flights: flights.length, ...f, rollups };
  },
  parts: {
    // Paths beside the rows: about half the build's work in Node (see ./flights.ts).
    paths: (ctx) => publishedPaths(ctx.tx, cutoffs(ctx), ctx.pseudonymKey),
  },
  async run(ctx) {
    const { flights, rows, cellsSuppressed, rollups } = ctx.built as Built;
    await writePaths(ctx.tx, ctx.shadow.nameOf("pub_flights"), ctx.parts!.paths as PublishedPath[]);
    await publishDaily(ctx.tx, "drones", ctx.shadow.nameOf("pub_flights"));
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
  return { normal: publicationCutoff(ctx.asOf, d.droneFlights), sensitive: publicationCutoff(ctx.asOf, d.droneFlightsSensitive) };
}

/** Flights before the pilot's start (test flights) do not count toward "since launch". */
function pilotStartDate(timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(city().pilot.start);
  return m ? fromZoned({ year: +m[1], month: +m[2], day: +m[3], hour: 0 }, timeZone) : null;
}
