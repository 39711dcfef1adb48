import { bigint, integer, pgTable, text } from "drizzle-orm/pg-core";

/**
 * Counters of rate-limiter-flexible's Postgres store (server/limits/store.ts), shared by every
 * portal process. The column names and types are the ones the library's SQL uses; keys are
 * keyed hashes, so no address or email is stored in the clear. Expired rows are deleted by the
 * library every few minutes.
 */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  /** Epoch milliseconds; null never expires (the limits here always set it). */
  expire: bigint("expire", { mode: "number" }),
});
