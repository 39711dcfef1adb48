// The counts, headline metrics and map cells behind every published chart, one shape for every
// dataset (lib/vocab ROLLUP_DATASETS). Written by server/publish/rollups.ts inside the publication
// transaction, under lib/publish/rules.ts; read by db/queries/public/rollups.ts.
import { sql } from "drizzle-orm";
import { boolean, check, date, integer, pgTable, primaryKey, real, smallint, text } from "drizzle-orm/pg-core";
import { ROLLUP_DATASETS, type RollupDataset } from "../../lib/vocab";

const datasetCheck = (name: string, column: unknown) =>
  check(name, sql`${column} in (${sql.raw(ROLLUP_DATASETS.map((d) => `'${d}'`).join(", "))})`);

/**
 * Counts suppressed (with complementary suppression) per breakdown. key "*" is a column total,
 * key2 "*" a row total; value holds a median or share where the breakdown is not a count (null
 * when built on fewer than 11 events).
 */
export const pubBreakdowns = pgTable(
  "pub_breakdowns",
  {
    dataset: text("dataset").$type<RollupDataset>().notNull(),
    breakdown: text("breakdown").notNull(),
    period: text("period").notNull(),
    key: text("key").notNull(),
    key2: text("key2").notNull().default(""),
    label: text("label").notNull(),
    label2: text("label2").notNull().default(""),
    count: integer("count"),
    suppressed: boolean("suppressed").notNull(),
    value: real("value"),
    ord: integer("ord").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.dataset, t.breakdown, t.period, t.key, t.key2] }),
    datasetCheck("pub_breakdowns_dataset", t.dataset),
  ],
);

/** Headline metrics per dataset and period ("last30", "since_launch", "baseline", "current"). */
export const pubMetrics = pgTable(
  "pub_metrics",
  {
    dataset: text("dataset").$type<RollupDataset>().notNull(),
    period: text("period").notNull(),
    metric: text("metric").notNull(),
    /** The number shown: a count, a median in minutes, or a share 0..1; null when suppressed. */
    value: real("value"),
    /** Events the metric is built on (itself suppressed when small). */
    n: integer("n"),
    suppressed: boolean("suppressed").notNull(),
    periodStart: date("period_start"),
    periodEnd: date("period_end"),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.period, t.metric] }), datasetCheck("pub_metrics_dataset", t.dataset)],
);

/** Events by H3 cell (only cells with at least 11 events). */
export const pubCells = pgTable(
  "pub_cells",
  {
    dataset: text("dataset").$type<RollupDataset>().notNull(),
    period: text("period").notNull(),
    cell: text("cell").notNull(),
    res: smallint("res").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.period, t.cell] }), datasetCheck("pub_cells_dataset", t.dataset)],
);
