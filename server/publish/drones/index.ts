import "server-only";
// The drones publisher: per-flight rows, rollups, H3 activity and the "data as of" record.
import { city } from "../../../lib/config/city";
import { publishDaily } from "../daily";
import { recordDataset } from "../dataset";
import { publicationCutoff } from "../../../lib/publish/rules/delay";
import { cellsOfRecords, inScopeSql, keepCells, refreshCells } from "../scope-sql";
import { fromZoned } from "../../../lib/time";
import type { Publisher, PublishContext } from "../types";
import { publishFlights, publishedPaths, writePaths, type PublishedPath } from "./flights";
import { cellTotals, periodEdges, publishedFlights, writeParts, type PartNames, type PeriodEdges } from "./parts";
import type { Period } from "./rollup-sql";
import { dronesBaseline } from "./baseline";
import { baselineFor, keepBaseline, type KeptBaseline } from "../kept-baseline";
import { droneRollups, writeDroneRollups, type BaselineRollups } from "./rollups";
import { locatedFlights } from "./source";
import { generalizeGroups } from "../../../lib/publish/rules/h3";
import { sql } from "drizzle-orm";

type Built = {
  flights: number;
  rows: number;
  cellsSuppressed: number;
  cells: string[];
  parts: PartNames;
  edges: Record<string, PeriodEdges>;
};

export const dronesPublisher: Publisher = {
  name: "drones",
  async build(ctx): Promise<Built> {
    const { tx, shadow, scope, timeZone } = ctx;
    const cut = cutoffs(ctx);
    const launched = sql`drone_flights.launched_at`;
    // The scope's flights with a destination (every one on a full scope), then the partials: the
    // rollups' partials of the same dates, and what the periods' edge dates hold, from the same
    // snapshot as the rows; the rollups are summed from them in run, where the rewritten partials
    // are visible (on a Postgres server this build runs on the publication's own transaction when
    // incremental, and the parts beside it do not see its writes).
    const located = await locatedFlights(tx, cut, timeZone, inScopeSql(launched, timeZone, scope));
    const parts = await writeParts(tx, shadow, cut, timeZone, scope, located);
    // Each flight's cell is decided over the whole published record, from the partials' groups.
    const whole = generalizeGroups(await cellTotals(tx, parts), undefined, city().sensitiveSites);
    const cells = cellsOfRecords(whole, located);
    const rows = await publishFlights(shadow, cells, cut, ctx.pseudonymKey, ctx.pgcrypto, timeZone, scope);
    await shadow.index("pub_flights");
    // The rows left as they are whose cell crossed k since the last publication.
    await refreshCells(tx, {
      dataset: "drones",
      table: "pub_flights",
      records: "drone_flights",
      prefix: "f",
      key: ctx.pseudonymKey,
      whole,
      scope,
      locate: (inCells) =>
        locatedFlights(tx, cut, timeZone, inCells(sql`drone_flights.dest_lat`, sql`drone_flights.dest_lon`)),
    });
    const edges = await periodEdges(tx, cut, timeZone, periodsOf(ctx));
    return {
      flights: await publishedFlights(tx, parts),
      rows,
      cellsSuppressed: whole.suppressedCells,
      cells: [...whole.counts.keys()],
      parts,
      edges,
    };
  },
  parts: {
    // Paths and rollups beside the rows, each on a connection of its own where there are spare
    // ones: the paths are about half the build's work in Node (see ./flights.ts).
    paths: (ctx) =>
      publishedPaths(ctx.tx, cutoffs(ctx), ctx.pseudonymKey, { scope: ctx.scope, timeZone: ctx.timeZone }),
    // The baseline's rollups (pre-pilot response times): they read the baseline table only, and
    // only when it changed (./baseline.ts).
    rollups: (ctx) => baselineFor(ctx.tx, dronesBaseline, ctx.timeZone, ctx.scope),
  },
  async run(ctx) {
    const { flights, rows, cellsSuppressed, cells, parts, edges } = ctx.built as Built;
    await keepCells(ctx.tx, "drones", cells);
    const baseline = ctx.parts!.rollups as KeptBaseline<BaselineRollups>;
    const rollups = await droneRollups(ctx.tx, parts, edges, periodsOf(ctx), baseline.baseline);
    await keepBaseline(ctx.tx, dronesBaseline, baseline);
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

/** The rollups' periods: the last 30 days and since the pilot's launch, both up to the cutoff. */
function periodsOf(ctx: Pick<PublishContext, "asOf" | "rules" | "timeZone">): Period[] {
  const cut = cutoffs(ctx);
  return [
    { name: "last30", from: new Date(cut.normal.getTime() - 30 * 86400_000), to: cut.normal },
    { name: "since_launch", from: pilotStartDate(ctx.timeZone), to: cut.normal },
  ];
}

/** Flights before the pilot's start (test flights) do not count toward "since launch". */
function pilotStartDate(timeZone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(city().pilot.start);
  return m ? fromZoned({ year: +m[1], month: +m[2], day: +m[3], hour: 0 }, timeZone) : null;
}
