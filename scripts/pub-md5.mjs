#!/usr/bin/env node
// Digests of every published table, to prove a change to the publication leaves its output alone:
//   node scripts/pub-md5.mjs <postgres-url> [--out file.json]   count and md5 of each pub_* table
//   node scripts/pub-md5.mjs pglite:<data dir> [--out file.json]  the same for an embedded database
//                                      (the directory PGlite opens, e.g. $DAYLIGHT_DATA_DIR/pglite)
//   node scripts/pub-md5.mjs --compare a.json b.json             exit 1 when any digest differs
// The rollups are digested in one shape (dataset, breakdown, period, key, …) whether the database
// holds the per-dataset tables (pub_drone_breakdowns, …) or the shared ones (pub_breakdowns, …),
// so a publication before and after their merge can be compared. Publish both at the same --as-of
// with the same DAYLIGHT_PSEUDONYM_KEY (public ids and pseudonyms are keyed hashes); the moment a
// run wrote its rows (published_at) is left out.
import { readFileSync, writeFileSync } from "node:fs";
import postgres from "postgres";

const ROLLUPS = {
  breakdowns: {
    cols: "dataset, breakdown, period, key, key2, label, label2, count, suppressed, value, ord",
    old: [
      [
        "pub_drone_breakdowns",
        "'drones' as dataset, breakdown, period, key, key2, label, '' as label2, count, suppressed, value, ord",
      ],
      [
        "pub_cso_breakdowns",
        "'cso' as dataset, breakdown, period, key, key2, label, '' as label2, count, suppressed, value, ord",
      ],
      ["pub_camera_breakdowns", null],
    ],
  },
  metrics: {
    cols: "dataset, period, metric, value, n, suppressed, period_start, period_end",
    old: [
      ["pub_drone_metrics", "'drones' as dataset, period, metric, value, n, suppressed, period_start, period_end"],
      ["pub_cso_metrics", "'cso' as dataset, period, metric, value, n, suppressed, period_start, period_end"],
      ["pub_camera_metrics", null],
    ],
  },
  cells: {
    cols: "dataset, period, cell, res, count",
    old: [
      ["pub_drone_cells", "'drones' as dataset, period, cell, res, count"],
      ["pub_cso_cells", "'cso' as dataset, period, cell, res, count"],
    ],
  },
};
const WALL_CLOCK = "published_at";
const OLD_TABLES = new Set(Object.values(ROLLUPS).flatMap((r) => r.old.map(([t]) => t)));

const digest = (from) =>
  `select count(*)::int as n, md5(coalesce(string_agg(md5(x::text), '' order by x::text), '')) as h from (${from}) x`;

/** postgres.js's tagged template, unsafe() and end() over an embedded database, for digests(). */
async function pglite(dir) {
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(dir);
  await db.waitReady;
  const sql = async (strings, ...values) =>
    (
      await db.query(
        strings.reduce((q, s, i) => q + `$${i}` + s),
        values,
      )
    ).rows;
  sql.unsafe = async (q) => (await db.query(q)).rows;
  sql.end = () => db.close();
  return sql;
}

async function digests(url) {
  const sql = url.startsWith("pglite:") ? await pglite(url.slice(7)) : postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = (
      await sql`select tablename from pg_tables where schemaname = current_schema()
        and (tablename like 'pub\\_%' or tablename like 'publish\\_part\\_%') and tablename not like '%\\_\\_next' order by 1`
    ).map((r) => r.tablename);
    const out = {};
    for (const [name, r] of Object.entries(ROLLUPS)) {
      const shared = `pub_${name}`;
      const from = tables.includes(shared)
        ? `select ${r.cols} from ${shared}`
        : r.old
            .filter(([t]) => tables.includes(t))
            .map(([t, cols]) => `select ${cols ?? r.cols} from ${t}`)
            .join(" union all ");
      if (!from) throw new Error(`no ${name} rollup table in ${url}`);
      const [row] = await sql.unsafe(digest(from));
      out[`rollup:${name}`] = `${row.n}:${row.h}`;
    }
    for (const t of tables) {
      if (OLD_TABLES.has(t) || Object.keys(ROLLUPS).some((n) => t === `pub_${n}`)) continue;
      // Every column but the wall-clock moment a run wrote the row (pub_datasets.published_at).
      const cols = (
        await sql`select column_name from information_schema.columns
          where table_schema = current_schema() and table_name = ${t} and column_name <> ${WALL_CLOCK}
          order by ordinal_position`
      ).map((r) => `"${r.column_name}"`);
      const [row] = await sql.unsafe(digest(`select ${cols.join(", ")} from "${t}"`));
      out[t] = `${row.n}:${row.h}`;
    }
    return out;
  } finally {
    await sql.end();
  }
}

const args = process.argv.slice(2);
if (args[0] === "--compare") {
  const [a, b] = args.slice(1, 3).map((f) => JSON.parse(readFileSync(f, "utf8")));
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  let differ = 0;
  for (const n of names) {
    const same = a[n] === b[n];
    if (!same) differ++;
    console.log(
      `${same ? "same  " : "DIFFER"} ${n.padEnd(28)} ${a[n] ?? "(missing)"}  ${same ? "" : (b[n] ?? "(missing)")}`,
    );
  }
  console.log(differ ? `${differ} of ${names.length} differ` : `all ${names.length} equal`);
  process.exit(differ ? 1 : 0);
} else if (args[0]?.startsWith("postgres") || args[0]?.startsWith("pglite:")) {
  const out = await digests(args[0]);
  const text = JSON.stringify(out, null, 2);
  const at = args.indexOf("--out");
  if (at >= 0) writeFileSync(args[at + 1], text + "\n");
  console.log(text);
} else {
  console.error(
    "usage: node scripts/pub-md5.mjs <postgres-url> | pglite:<data dir> [--out file.json] | --compare a.json b.json",
  );
  process.exit(2);
}
