// The drones publisher: per-flight rows, rollups, H3 activity and the "data as of" record.
import { sql } from "drizzle-orm";
import { city } from "../../config/city";
import { publishDaily } from "../daily";
import { recordDataset } from "../dataset";
import { fromZoned, publicationCutoff } from "../rules/time";
import type { Publisher, PublishContext } from "../types";
import { publishFlights } from "./flights";
import { baseFlights } from "./rollup-sql";
import { publishRollups } from "./rollups";
import { loadFlights, loadReference, type SourceFlight } from "./source";

type Built = { flights: SourceFlight[]; rows: number; cellsSuppressed: number };

export const dronesPublisher: Publisher = {
  name: "drones",
  async build(ctx): Promise<Built> {
    const ref = await loadReference(ctx.tx);
    const flights = await loadFlights(ctx.tx, cutoffs(ctx));
    const log = await ctx.shadow.create("pub_flights");
    const f = await publishFlights(ctx.tx, log, flights, ref, ctx.pseudonymKey, ctx.timeZone);
    await ctx.shadow.index("pub_flights");
    return { flights, ...f };
  },
  async run(ctx) {
    const d = ctx.rules.delayHours;
    const cut = cutoffs(ctx);
    const { flights, ...f } = ctx.built as Built;
    await publishDaily(ctx.tx, "drones", ctx.shadow.nameOf("pub_flights"));
    const pilotStart = pilotStartDate(ctx.timeZone);
    const last30From = new Date(cut.normal.getTime() - 30 * 86400_000);
    // Every rollup reads the same published-flights set: build it once per run (a temporary
    // table dropped at commit) instead of re-joining and re-converting time zones in each query.
    await ctx.tx.execute(sql`drop table if exists _pub_drone_base`);
    await ctx.tx.execute(sql`create temp table _pub_drone_base on commit drop as ${baseFlights(cut, ctx.timeZone)}`);
    const r = await publishRollups(ctx.tx, sql`select * from _pub_drone_base`, [
      { name: "last30", from: last30From, to: cut.normal },
      { name: "since_launch", from: pilotStart, to: cut.normal },
    ], flights, ctx.timeZone);
    await recordDataset(ctx, "drones", d.droneFlights, f.rows);
    return {
      sourceCounts: { drone_flights: flights.length },
      publishedCounts: { pub_flights: f.rows, pub_drone_rollups: r.rows },
      cellsSuppressed: f.cellsSuppressed + r.cellsSuppressed,
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
