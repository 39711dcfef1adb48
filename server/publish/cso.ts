import "server-only";
// The CSO publisher: per-call rows, rollups, H3 activity and the "data as of" record, for
// calls that ended at least 7 days before the publication's reference time.
//
// Proportional to the change: the rollups are summed from per-date partial aggregates
// (server/publish/cso-parts.ts), rewritten only for the scope's dates; the calls' cells are decided
// from their grouped counts (server/publish/cso-cells.ts), so only the scope's calls are located
// again; the rows of other dates whose cell crossed k are found by the cells' bounding boxes.
import { sql } from "drizzle-orm";
import { csoActivities } from "../../db/schema";
import { periodsFor } from "./cameras";
import { publishCalls } from "./cso-calls";
import { generalizeGroups, type CellGroup } from "../../lib/publish/rules/h3";
import { locatedCalls } from "./cso-cells";
import { csoBaseline } from "./cso-baseline";
import { baselineFor, keepBaseline, type KeptBaseline } from "./kept-baseline";
import { PARTS, partTable, writeParts } from "./cso-parts";
import { sumsFromParts } from "./cso-part-sums";
import { addBaseline, rollupsFromSums, type Baseline } from "./cso-rollups";
import { replaceRollups } from "./rollups";
import { cellsOfRecords, inScopeSql, keepCells, refreshCells } from "./scope-sql";
import { ident, queryRows } from "../../db/sql";
import { publishDaily } from "./daily";
import { recordDataset } from "./dataset";
import { city } from "../../lib/config/city";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import type { Publisher } from "./types";

type Built = {
  written: number;
  cellsSuppressed: number;
  cells: string[];
  rollups: ReturnType<typeof rollupsFromSums>;
};

export const csoPublisher: Publisher = {
  name: "cso",
  async build(ctx): Promise<Built> {
    const { tx, shadow, scope, timeZone } = ctx;
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.csoActivities);
    const where = inScopeSql(sql`a.received_at`, timeZone, scope);
    // The scope's located calls (every one on a full scope) with their cells, then the partials.
    const located = await locatedCalls(tx, { cutoff, timeZone, where });
    await writeParts(tx, shadow, { cutoff, timeZone, scope, where, located });
    // Per-call cells are generalized over the whole published record, like the flight log.
    const totals = await queryRows<CellGroup>(
      tx,
      sql.raw(`select fine, coarse, sensitive, n from ${ident(partTable(shadow, scope, PARTS.cellTotals))}`),
    );
    const whole = generalizeGroups(
      totals.map((g) => ({ ...g, sensitive: Boolean(g.sensitive), n: Number(g.n) })),
      undefined,
      city().sensitiveSites,
    );
    const cellOf = cellsOfRecords(whole, located);
    const written = await publishCalls(shadow, {
      cutoff,
      timeZone,
      key: ctx.pseudonymKey,
      pgcrypto: ctx.pgcrypto,
      cells: cellOf,
      scope,
    });
    await shadow.index("pub_cso_calls");
    // The rows left as they are whose cell crossed k since the last publication.
    await refreshCells(tx, {
      dataset: "cso",
      table: "pub_cso_calls",
      records: "cso_activities",
      prefix: "c",
      key: ctx.pseudonymKey,
      whole,
      scope,
      locate: (inCells) => locatedCalls(tx, { cutoff, timeZone, where: inCells(sql`a.lat`, sql`a.lon`) }),
    });
    const sums = await sumsFromParts(tx, (t) => partTable(shadow, scope, t), {
      cutoff,
      timeZone,
      periods: periodsFor(ctx, cutoff),
    });
    return {
      written,
      cellsSuppressed: whole.suppressedCells,
      cells: [...whole.counts.keys()],
      rollups: rollupsFromSums(sums),
    };
  },
  parts: {
    // The pre-pilot baseline (a pass over every baseline response, when it must be computed again)
    // is read beside the calls' work.
    baseline: (ctx) => baselineFor(ctx.tx, csoBaseline, ctx.timeZone, ctx.scope),
  },
  async run(ctx) {
    const { tx } = ctx;
    const delay = ctx.rules.delayHours.csoActivities;
    const { written, cellsSuppressed, cells, rollups } = ctx.built as Built;
    await keepCells(tx, "cso", cells);
    const baseline = ctx.parts!.baseline as KeptBaseline<Baseline>;
    await keepBaseline(tx, csoBaseline, baseline);
    const r = addBaseline(rollups, baseline.baseline);
    const log = ctx.shadow.nameOf("pub_cso_calls");
    await publishDaily(tx, "cso", log, ctx.scope);
    await replaceRollups(tx, "cso", r);
    const [{ n: raw }] = await tx.select({ n: sql<number>`count(*)::int` }).from(csoActivities);
    await recordDataset(ctx, "cso", delay, written);
    return {
      sourceCounts: { cso_activities: raw },
      publishedCounts: {
        pub_cso_calls: written,
        pub_cso_rollups: r.breakdowns.length + r.metrics.length + r.cells.length,
      },
      cellsSuppressed: cellsSuppressed + r.suppressed,
    };
  },
};
