import "server-only";
// The CSO publisher: per-call rows, rollups, H3 activity and the "data as of" record, for
// calls that ended at least 7 days before the publication's reference time.
import { sql } from "drizzle-orm";
import { csoActivities } from "../../db/schema";
import { periodsFor } from "./cameras";
import { publishCalls } from "./cso-calls";
import { addBaseline, callRollups, type Baseline } from "./cso-rollups";
import { replaceRollups } from "./rollups";
import { loadBaseline, loadCalls } from "./cso-source";
import { keepCells, refreshCells, type RecordKey } from "./scope-sql";
import { queryRows } from "../../db/sql";
import { publishDaily } from "./daily";
import { recordDataset } from "./dataset";
import { city } from "../../lib/config/city";
import { generalize } from "../../lib/publish/rules/h3";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import type { Publisher } from "./types";

type Built = {
  written: number;
  cellsSuppressed: number;
  cells: string[];
  rollups: ReturnType<typeof callRollups>;
};

export const csoPublisher: Publisher = {
  name: "cso",
  async build(ctx): Promise<Built> {
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.csoActivities);
    const calls = await loadCalls(ctx.tx, cutoff);
    // Per-call cells are generalized over the whole published record, like the flight log.
    const located = calls.filter((c) => c.lat !== null && c.lon !== null);
    const cells = generalize(
      located.map((c) => ({ lat: c.lat!, lon: c.lon!, sensitive: c.sensitive })),
      undefined,
      city().sensitiveSites,
    );
    const cellOf = new Map<number, string>();
    cells.cellsOfEvents().forEach((cell, i) => {
      if (cell !== null) cellOf.set(located[i].id, cell);
    });
    const written = await publishCalls(ctx.shadow, {
      cutoff,
      timeZone: ctx.timeZone,
      key: ctx.pseudonymKey,
      pgcrypto: ctx.pgcrypto,
      cells: cellOf,
      scope: ctx.scope,
    });
    await ctx.shadow.index("pub_cso_calls");
    // Incremental: the rows left as they are, with their cells decided again over the whole record.
    await refreshCells(ctx.tx, {
      dataset: "cso",
      table: "pub_cso_calls",
      prefix: "c",
      key: ctx.pseudonymKey,
      located,
      generalized: cells,
      cells: cellOf,
      scope: ctx.scope,
      keys: (ids) =>
        queryRows<RecordKey>(
          ctx.tx,
          sql`select id, source, external_id as "externalId" from cso_activities where id = any(${`{${ids.join(",")}}`}::bigint[])`,
        ),
    });
    const rollups = callRollups(calls, periodsFor(ctx, cutoff), ctx.timeZone, cells);
    return { written, cellsSuppressed: cells.suppressedCells, cells: [...cells.counts.keys()], rollups };
  },
  parts: {
    // The pre-pilot baseline (a pass over every baseline response) is read beside the calls' work.
    baseline: (ctx) => loadBaseline(ctx.tx, ctx.timeZone),
  },
  async run(ctx) {
    const { tx } = ctx;
    const delay = ctx.rules.delayHours.csoActivities;
    const { written, cellsSuppressed, cells, rollups } = ctx.built as Built;
    await keepCells(tx, "cso", cells);
    const r = addBaseline(rollups, ctx.parts!.baseline as Baseline);
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
