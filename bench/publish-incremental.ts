// Incremental publication against a full rebuild (`npm run bench -- publish-incremental`, issue 23.3).
// On a copy of a seeded database (--database, copied as a template and dropped afterwards) or a
// throwaway one seeded here (--scale): a full publication (`daylight publish --full`), then, --publish-runs
// times, one more hour of records (every dataset's records of the same hour a week earlier,
// copied a week on under new ids: what an hourly import brings) and a publication an hour later,
// which is incremental. Prints the full time, each incremental time, their median and the ratio,
// and where the median incremental run spent its time, from the same run on the same machine.
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { openDb, type DbHandle } from "../db/client";
import { queryRows } from "../db/sql";
import { city } from "../lib/config/city";
import { seedDemo } from "../server/seed";
import { runPublish, type PublishSummary } from "../server/publish/run";
import { median } from "./measure";
import { throwawayDb } from "./throwaway-db";

export type PublishIncrementalOptions = { url?: string; database?: string; scale: number; runs: number };

const HOUR = 3600_000;
const WEEK = 7 * 24 * HOUR;

/** Each raw event table and its event instant. */
const TABLES = [
  { table: "drone_flights", at: "launched_at" },
  { table: "camera_access_events", at: "started_at" },
  { table: "alpr_searches", at: "searched_at" },
  { table: "cso_activities", at: "received_at" },
];

/** Copies every record of [from, from + 1 h) a week on, under new external ids; returns the rows added. */
async function addHour(h: DbHandle, from: Date, tag: string): Promise<number> {
  let n = 0;
  for (const t of TABLES) {
    const cols = await queryRows<{ c: string; ts: boolean }>(
      h.db,
      sql`select column_name as c, data_type = 'timestamp with time zone' as ts from information_schema.columns
        where table_schema = current_schema() and table_name = ${t.table} and column_name <> 'id'
          and is_generated = 'NEVER' order by ordinal_position`,
    );
    const list = cols.map((c) => `"${c.c}"`).join(", ");
    const values = cols
      .map((c) =>
        c.c === "external_id" ? `external_id || '-${tag}'` : c.ts ? `"${c.c}" + interval '7 days'` : `"${c.c}"`,
      )
      .join(", ");
    const rows = await queryRows<{ n: number }>(
      h.db,
      sql.raw(`with i as (insert into "${t.table}" (${list}) select ${values} from "${t.table}"
        where ${t.at} >= '${from.toISOString()}' and ${t.at} < '${new Date(from.getTime() + HOUR).toISOString()}'
        returning 1) select count(*)::int as n from i`),
    );
    n += Number(rows[0].n);
  }
  return n;
}

/** A copy of the seeded database named by `url`, dropped by the returned function. */
async function copyOf(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const source = new URL(url);
  const name = `daylight_bench_incr_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${source.pathname.slice(1)}"`);
  await admin.end();
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return {
    url: copy.toString(),
    drop: async () => {
      const a = postgres(url, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

export async function benchPublishIncremental(o: PublishIncrementalOptions): Promise<string> {
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s);
    console.error(s);
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  let h: DbHandle;
  let drop: () => Promise<void>;
  if (o.database) {
    log(`Incremental publication on a copy of ${new URL(o.database).pathname.slice(1)}`);
    const t = Date.now();
    const copy = await copyOf(o.database);
    log(`  copied in ${s(Date.now() - t)}`);
    h = await openDb({ url: copy.url });
    await h.migrate();
    drop = async () => {
      await h.close();
      await copy.drop();
    };
  } else {
    const t0 = await throwawayDb(o.url);
    h = t0;
    drop = () => t0.drop();
    log(`Incremental publication on ${t0.kind} (${t0.location}), scale ${o.scale}`);
    const t = Date.now();
    await seedDemo(h.db, { scale: o.scale, seed: 20251001 });
    log(`  seed: ${s(Date.now() - t)}`);
  }
  try {
    const pseudonymKey = randomBytes(24).toString("base64url");
    const publish = (asOf: Date, full: boolean) =>
      runPublish(h.db, { pseudonymKey, timeZone: city().timeZone, trigger: "bench", asOf, full });
    // The reference time: an hour after the last record, so the next hours' copies are new.
    const [{ last }] = await queryRows<{ last: string }>(
      h.db,
      sql`select greatest((select max(launched_at) from drone_flights), (select max(started_at) from camera_access_events),
        (select max(searched_at) from alpr_searches), (select max(received_at) from cso_activities))::text as last`,
    );
    let asOf = new Date(Math.ceil(new Date(last).getTime() / HOUR) * HOUR + HOUR);
    const [{ n: flights }] = await queryRows<{ n: number }>(h.db, sql`select count(*)::int as n from drone_flights`);
    const [{ n: accesses }] = await queryRows<{ n: number }>(
      h.db,
      sql`select count(*)::int as n from camera_access_events`,
    );
    log(`  ${flights.toLocaleString("en-US")} flights, ${accesses.toLocaleString("en-US")} camera accesses`);
    let t = Date.now();
    const full = await publish(asOf, true);
    const fullMs = Date.now() - t;
    log(`  full publication (--full): ${s(fullMs)}`);
    const runs: { ms: number; added: number; summary: PublishSummary }[] = [];
    for (let i = 0; i < o.runs; i++) {
      // The hour that ends at the new reference time, copied from a week before.
      const added = await addHour(h, new Date(asOf.getTime() - WEEK), `b${i}`);
      asOf = new Date(asOf.getTime() + HOUR);
      t = Date.now();
      const summary = await publish(asOf, false);
      const ms = Date.now() - t;
      runs.push({ ms, added, summary });
      log(
        `  + ${added.toLocaleString("en-US")} records in the hour, incremental publication ${i + 1}: ${s(ms)} (${Object.entries(
          summary.scopes,
        )
          .map(([d, x]) => `${d} ${x}`)
          .join(", ")})`,
      );
    }
    const med = median(runs.map((r) => r.ms));
    const mid = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor((runs.length - 1) / 2)];
    log(
      `Full ${s(fullMs)} · incremental median ${s(med)} over ${runs.length} runs · ratio ${(fullMs / med).toFixed(1)}×` +
        ` (target: incremental under 5 s at scale 100)`,
    );
    log(
      `  median run's time by step (ms): ${Object.entries(mid.summary.publisherMs)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    log(
      `  full run's time by step (ms): ${Object.entries(full.publisherMs)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    return lines.join("\n");
  } finally {
    await drop();
  }
}
