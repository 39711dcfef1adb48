// A test database holding the demo data (its fixed seed, so the same records on any day), and the
// last instant a kind of record reaches: publication tests place their reference times before it.
import { sql } from "drizzle-orm";
import { queryRows } from "../../db/sql";
import { seedDemo } from "../../server/seed";
import { createTestDb, type TestDb } from "./db";

const LATEST = {
  flights: sql`select max(landed_at)::text as latest from drone_flights`,
  "cso calls": sql`select max(received_at)::text as latest from cso_activities`,
};

/** A new test database seeded with the demo at `scale`, and the latest landing or CSO call received. */
export async function demoDb(scale: number, latestOf: keyof typeof LATEST): Promise<{ t: TestDb; latest: Date }> {
  const t = await createTestDb();
  await seedDemo(t.db, { scale, seed: 20251001 });
  const [{ latest }] = await queryRows<{ latest: string }>(t.db, LATEST[latestOf]);
  return { t, latest: new Date(latest) };
}
