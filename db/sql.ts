// Raw SQL results differ by driver (postgres.js returns an array, PGlite an object with rows).
import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client";

export async function queryRows<T extends Record<string, unknown>>(db: DbOrTx, query: SQL): Promise<T[]> {
  const r: unknown = await db.execute(query);
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}
