// The change log of the raw event tables, for incremental publication (server/publish/changes.ts).
// Triggers on drone_flights, camera_access_events, alpr_searches and cso_activities (migration
// 0033) add one row per hour of event time that a statement inserted, updated (old and new values)
// or deleted; a TRUNCATE adds a row with no hour, which makes the next publication rebuild the
// dataset. A publication consumes the rows it has seen, in its own transaction.
import { bigserial, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const publishChanges = pgTable(
  "publish_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** drones, cameras, alpr or cso: the publisher whose rows the change touches. */
    dataset: text("dataset").notNull(),
    /** The event-time hour (UTC) the change touches; null: every hour. */
    hour: timestamp("hour", { withTimezone: true }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("publish_changes_dataset").on(t.dataset, t.id)],
);

/**
 * The cells each dataset's last publication published (generalize's counts: resolution-8 cells and
 * resolution-7 parents with at least k records). An incremental publication compares them with its
 * own: only the records in a cell that crossed k change cell on dates it does not rewrite.
 * Not public (nothing here is more than pub_cells shows, but it is the publisher's working state).
 */
export const publishCells = pgTable(
  "publish_cells",
  {
    dataset: text("dataset").notNull(),
    cell: text("cell").notNull(),
  },
  (t) => [primaryKey({ columns: [t.dataset, t.cell] })],
);
