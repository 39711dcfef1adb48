import "server-only";
// One publication run: the large published tables are built beside the served ones ("<table>__next",
// db/shadow.ts) and every publisher's run writes the rest and swaps them in inside ONE transaction,
// so readers see either the old publication or the new one, and a failure leaves the old one serving.
// On a Postgres server the builds run side by side on spare connections inside the publication's
// snapshot. On the embedded database (one connection, which a transaction holds until it ends) they
// run one dataset at a time, each in a short transaction of its own, before the publication's
// transaction opens, so that pages and staff requests are answered between them instead of waiting
// for the whole publication.
// An incremental publication (the default when an earlier one allows it: server/publish/changes.ts)
// rewrites only the changed dates' rows in the served tables and recomputes the rollups, all inside
// the one publication transaction: no lanes, no steps, no tables built beside.
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { publicationRuns } from "../../db/schema";
import { ShadowTables } from "../../db/shadow";
import { queryRows } from "../../db/sql";
import { pgcryptoSchema } from "./camera-sql";
import { RULES_VERSION, rules } from "../../lib/publish/rules";
import { publishers } from "./publishers";
import { FULL, type Scope } from "../../lib/publish/incremental";
import {
  consumeChanges,
  describeScopes,
  isIncremental,
  planScopes,
  publicationState,
  type PublicationState,
} from "./changes";
import type { Publisher, PublisherResult } from "./types";

/** Arbitrary constant naming the publication lock (pg advisory locks are keyed by bigint). */
const PUBLISH_LOCK_KEY = 4711000002;

export type PublishOptions = {
  asOf?: Date;
  trigger?: string;
  pseudonymKey: string;
  timeZone: string;
  /**
   * Rebuild every dataset from the whole record (`daylight publish --full`). Without it, a dataset
   * whose served rows allow it is published incrementally (server/publish/changes.ts).
   */
  full?: boolean;
  /** Run only these publishers (by name); the others' published tables are left as they are. */
  only?: string[];
  /** Called as each publisher finishes: publishers done of all, and rows published so far. */
  onProgress?: (p: { done: number; total: number; rows: number }) => void;
  /**
   * Embedded database only: called after each dataset's builds committed ("built", with the
   * publisher's name), and before the transaction that writes the rest and swaps them in opens
   * ("swapping"). A throw fails the publication there (tests use it to interrupt one).
   */
  onStep?: (s: { step: "built" | "swapping"; name?: string }) => void;
};
export type PublishSummary = PublisherResult & {
  runId: number;
  /** Per dataset: "full (why)" or the number of local dates rewritten. */
  scopes: Record<string, string>;
  asOf: Date;
  ms: number;
  publisherMs: Record<string, number>;
};

/** Settings for every transaction of a publication. */
async function publicationSettings(tx: DbOrTx): Promise<void> {
  // No JIT: the planner's estimates for these one-off statements over millions of rows trigger
  // inlining and optimization that cost seconds per statement and save less.
  await tx.execute(sql`select set_config('jit', 'off', true)`);
  // Room for the hash joins and aggregates over a whole record without spilling to disk.
  await tx.execute(sql`select set_config('work_mem', '64MB', true)`);
}

/** Connections a publication may use beside its own (none on PGlite, which has one). */
function spareConnections(db: Db): number {
  const client = (db as unknown as { $client?: { reserve?: unknown; options?: { max?: number } } }).$client;
  if (!client || typeof client.reserve !== "function") return 0;
  return Math.max(0, (client.options?.max ?? 1) - 1);
}

type BuildBase = {
  asOf: Date;
  rules: typeof rules;
  pseudonymKey: string;
  timeZone: string;
  pgcrypto: string | null;
  scope: Scope;
};

/** Every build and part of the chosen publishers, by name ("drones", "drones.paths"), in order. */
function buildsOf(p: Publisher): (readonly [string, NonNullable<Publisher["build"]>])[] {
  return [
    ...(p.build ? [[p.name, p.build] as const] : []),
    ...Object.entries(p.parts ?? {}).map(([part, build]) => [`${p.name}.${part}`, build] as const),
  ];
}

/**
 * The publication transaction's snapshot, for the builds on other connections to read the raw
 * tables exactly as it does: a dataset's log, paths and rollups, built side by side, then agree even
 * when an import commits while they run.
 */
async function exportSnapshot(tx: DbOrTx): Promise<string> {
  const [{ id }] = await queryRows<{ id: string }>(tx, sql`select pg_export_snapshot() as id`);
  if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`unexpected snapshot id ${id}`);
  return id;
}

/**
 * Runs every publisher's build and parts (see Publisher.build and .parts) side by side on spare
 * connections, each in its own transaction inside the publication's snapshot.
 * The tables built beside are handed to `shadow` to be swapped in with the rest.
 */
async function buildAll(
  db: Db,
  tx: DbOrTx,
  shadow: ShadowTables,
  chosen: Publisher[],
  base: Omit<BuildBase, "scope">,
  laneTables: string[],
  ms: Record<string, number>,
  out: Map<string, unknown>,
  ready: (publisher: Publisher) => void,
  scopes: Record<string, Scope>,
  /** Only the builds and parts this accepts (by name: "drones", "drones.paths"); default all. */
  only: (name: string) => boolean = () => true,
  /** Connections of the pool already taken beside the publication's own (its session lock). */
  taken = 0,
): Promise<void> {
  // Every build and part, in the publishers' order (the longest first, so that it starts first).
  const building: { name: string; build: NonNullable<Publisher["build"]>; parallel: boolean; of: Publisher }[] = chosen
    .flatMap((p) => [
      ...(p.build ? [{ name: p.name, build: p.build, parallel: !!p.parallel, of: p }] : []),
      ...Object.entries(p.parts ?? {}).map(([part, build]) => ({
        name: `${p.name}.${part}`,
        build,
        parallel: false,
        of: p,
      })),
    ])
    .filter((b) => only(b.name));
  const spare = spareConnections(db) - taken;
  const snapshot = await exportSnapshot(tx);
  // Builds and parts still running, per publisher: at zero its tables are committed and adopted,
  // and `ready` lets its run start while the other lanes go on.
  const left = new Map(chosen.map((p) => [p, building.filter((b) => b.of === p).length]));
  for (const p of chosen) if (left.get(p) === 0) ready(p);
  let next = 0;
  const worker = async () => {
    while (next < building.length) {
      const p = building[next++];
      const t0 = Date.now();
      await db
        .transaction(
          async (ltx) => {
            // First statement of the transaction, as Postgres requires.
            await ltx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
            await publicationSettings(ltx);
            // See Publisher.parallel.
            if (!p.parallel)
              await ltx.execute(
                sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('max_parallel_maintenance_workers', '0', true)`,
              );
            const lane = new ShadowTables(ltx);
            out.set(p.name, await p.build({ ...base, scope: scopes[p.of.name], tx: ltx, shadow: lane }));
            return lane;
          },
          { isolationLevel: "repeatable read" },
        )
        .then((lane) => {
          // Committed: from here its tables are the publication's to swap in, or to drop on failure.
          laneTables.push(...lane.tables());
          shadow.adopt(lane);
        });
      ms[`${p.name}.build`] = Date.now() - t0;
      left.set(p.of, left.get(p.of)! - 1);
      if (left.get(p.of) === 0 && !failed) ready(p.of);
    }
  };
  let failed = false;
  // Every lane is let finish (settled, not raced), so a failure leaves no build still writing.
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(spare, building.length) }, () =>
      worker().catch((e) => {
        failed = true;
        throw e;
      }),
    ),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failure) throw failure.reason;
}

/**
 * The embedded database's builds: each publisher's build and parts in ONE short transaction of its
 * own, one publisher after another, giving the connection back between them. One transaction per
 * dataset, not per build, so that each dataset's rows, paths and rollups are read from the same
 * state of the raw tables (a flight's path from one state and its sensitivity from another could
 * publish a path that should be withheld). Two datasets may be read from states a few seconds
 * apart: a change committed between them reaches the other in the next publication, which that
 * change asks for anyway (server/content-changed.ts, the import jobs).
 * Returns the transactions' tables to adopt, once committed; `laneTables` names them for discard.
 */
async function buildInSteps(
  db: Db,
  chosen: Publisher[],
  base: Omit<BuildBase, "scope">,
  laneTables: string[],
  ms: Record<string, number>,
  out: Map<string, unknown>,
  onStep: PublishOptions["onStep"],
): Promise<ShadowTables[]> {
  const lanes: ShadowTables[] = [];
  for (const p of chosen) {
    const builds = buildsOf(p);
    if (builds.length === 0) continue;
    // Whatever queued for the connection while the last transaction held it goes first.
    await new Promise((resolve) => setImmediate(resolve));
    const lane = await db.transaction(async (ltx) => {
      await publicationSettings(ltx);
      const shadow = new ShadowTables(ltx);
      for (const [name, build] of builds) {
        const t0 = Date.now();
        out.set(name, await build({ ...base, scope: FULL("asked for"), tx: ltx, shadow }));
        ms[`${name}.build`] = Date.now() - t0;
      }
      return shadow;
    });
    // Committed: from here its tables are the publication's to swap in, or to drop on failure.
    laneTables.push(...lane.tables());
    lanes.push(lane);
    onStep?.({ step: "built", name: p.name });
  }
  await new Promise((resolve) => setImmediate(resolve));
  onStep?.({ step: "swapping" });
  return lanes;
}

type Reservable = {
  reserve(): Promise<((s: TemplateStringsArray, ...v: unknown[]) => Promise<unknown>) & { release(): void }>;
};

/**
 * The publication lock for the session of a connection of its own (Postgres server; on the
 * embedded database runPublish already runs one publication at a time and the transaction takes
 * the lock as usual, so this returns undefined there). Released, with the connection, by release().
 */
async function publicationLock(db: Db): Promise<{ release(): Promise<void> } | undefined> {
  if (spareConnections(db) === 0) return undefined;
  const client = (db as unknown as { $client: Reservable }).$client;
  const conn = await client.reserve();
  try {
    await conn`select pg_advisory_lock(${PUBLISH_LOCK_KEY})`;
  } catch (e) {
    conn.release();
    throw e;
  }
  return {
    release: async () => {
      try {
        await conn`select pg_advisory_unlock(${PUBLISH_LOCK_KEY})`;
      } finally {
        conn.release();
      }
    },
  };
}

/** One publication at a time per embedded database (its one connection has no advisory locks to share). */
const embeddedRuns = new WeakMap<Db, Promise<unknown>>();

export async function runPublish(db: Db, opts: PublishOptions): Promise<PublishSummary> {
  if (spareConnections(db) > 0) return publish(db, opts, false);
  const before = embeddedRuns.get(db) ?? Promise.resolve();
  const mine = before.catch(() => {}).then(() => publish(db, opts, true));
  embeddedRuns.set(db, mine);
  try {
    return await mine;
  } finally {
    if (embeddedRuns.get(db) === mine) embeddedRuns.delete(db);
  }
}

/** `stepwise`: build before the publication's transaction, one dataset at a time (see buildInSteps). */
async function publish(db: Db, opts: PublishOptions, stepwise: boolean): Promise<PublishSummary> {
  const asOf = opts.asOf ?? new Date();
  const started = Date.now();
  const [run] = await db
    .insert(publicationRuns)
    .values({ asOf, rulesVersion: RULES_VERSION, status: "running", trigger: opts.trigger ?? "cli" })
    .returning({ id: publicationRuns.id });
  const total: PublisherResult = { sourceCounts: {}, publishedCounts: {}, cellsSuppressed: 0 };
  const publisherMs: Record<string, number> = {};
  /** Tables rebuilt and committed by builds on their own connections, dropped again on failure. */
  const laneTables: string[] = [];
  let swapped: string[] = [];
  const chosen = publishers.filter((x) => !opts.only || opts.only.includes(x.name));
  const names = chosen.map((p) => p.name);
  const built = new Map<string, unknown>();
  const keys = { pseudonymKey: opts.pseudonymKey, timeZone: opts.timeZone };
  const plan = (tx: DbOrTx, state: PublicationState) =>
    planScopes(tx, { datasets: names, asOf, timeZone: opts.timeZone, full: opts.full }, state);
  // Incremental when some dataset can be: then everything happens in the publication's transaction
  // (planned again there, in its snapshot). Otherwise the full rebuild, in lanes or steps. On the
  // embedded database, a dataset that must be rebuilt makes the whole run a full one, in steps:
  // rebuilding it inside the one transaction would hold the only connection for all of it.
  const planned = opts.full ? {} : await plan(db, await publicationState(db, keys));
  const rows = Object.entries(planned).filter(([d]) => isIncremental(d));
  const inline = rows.some(([, s]) => !s.full) && (!stepwise || rows.every(([, s]) => !s.full));
  let scopes: Record<string, Scope> = Object.fromEntries(
    names.map((n) => {
      const p = planned[n];
      if (!p) return [n, FULL("asked for")];
      return [n, p.full ? p : FULL("rebuilt in steps with a dataset that must be (embedded database)")];
    }),
  );
  let state: PublicationState | undefined;
  try {
    let lanes: ShadowTables[] | undefined;
    if (stepwise && !inline) {
      const tb = Date.now();
      // Holding the embedded database's publication lock (runPublish): whatever "__next" table
      // exists now was left by a publication the process did not finish, and so did a run still
      // marked running.
      await ShadowTables.dropLeftovers(db);
      await db
        .update(publicationRuns)
        .set({ status: "failed", finishedAt: new Date(), error: "interrupted (the process stopped)" })
        .where(and(eq(publicationRuns.status, "running"), ne(publicationRuns.id, run.id)));
      // Read before the first build: a change committed during the builds stays in the change log
      // (the next publication rewrites its dates again), and a reference table changed during them
      // leaves a fingerprint that no longer matches (the next publication rebuilds).
      state = await publicationState(db, keys);
      const base = { asOf, rules, ...keys, pgcrypto: await pgcryptoSchema(db) };
      lanes = await buildInSteps(db, chosen, base, laneTables, publisherMs, built, opts.onStep);
      publisherMs.build = Date.now() - tb;
    }
    // An incremental publication on a Postgres server reads and writes in ONE snapshot (repeatable
    // read): the rows it rewrites, the rollups built beside it and the change log it consumes agree
    // even when an import commits meanwhile. That snapshot must begin after the publication lock is
    // held (else it could miss the publication that held it), so the lock is taken first, for the
    // session of a connection of its own; a full publication takes it inside its transaction and
    // reads through the snapshot it exports to its builds.
    const sessionLock = inline ? await publicationLock(db) : undefined;
    await (async () =>
      db.transaction(
        async (tx) => {
          // One publication at a time: a second run waits here, then rebuilds from the newer raw data.
          if (!sessionLock) await tx.execute(sql`select pg_advisory_xact_lock(${PUBLISH_LOCK_KEY})`);
          await publicationSettings(tx);
          const shadow = new ShadowTables(tx);
          for (const lane of lanes ?? []) shadow.adopt(lane);
          const base = { asOf, rules, ...keys, pgcrypto: await pgcryptoSchema(tx) };
          const tb = Date.now();
          // Each publisher's run, one at a time on the publication's transaction, as soon as its builds
          // are done: the runs of the datasets built first overlap the builds still going on.
          const started = new Set<Publisher>();
          let finished = 0;
          let runs: Promise<void> = Promise.resolve();
          const enqueue = (p: Publisher) => {
            if (started.has(p)) return;
            started.add(p);
            runs = runs.then(async () => {
              const t0 = Date.now();
              const parts = Object.fromEntries(
                Object.keys(p.parts ?? {}).map((part) => [part, built.get(`${p.name}.${part}`)]),
              );
              const r = await p.run({
                ...base,
                scope: scopes[p.name],
                tx,
                runId: run.id,
                shadow,
                built: built.get(p.name),
                parts,
              });
              Object.assign(total.sourceCounts, r.sourceCounts);
              Object.assign(total.publishedCounts, r.publishedCounts);
              total.cellsSuppressed += r.cellsSuppressed;
              publisherMs[p.name] = Date.now() - t0;
              const rows = Object.values(total.publishedCounts).reduce((a, b) => a + b, 0);
              opts.onProgress?.({ done: ++finished, total: chosen.length, rows });
            });
            runs.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
          };
          if (inline) {
            if (stepwise) {
              // As in the steps above: leftovers of a publication the process did not finish.
              await ShadowTables.dropLeftovers(tx);
              await tx
                .update(publicationRuns)
                .set({ status: "failed", finishedAt: new Date(), error: "interrupted (the process stopped)" })
                .where(and(eq(publicationRuns.status, "running"), ne(publicationRuns.id, run.id)));
            }
            state = await publicationState(tx, keys);
            scopes = await plan(tx, state);
            // The builds that rewrite rows in place run in turn on this transaction; on a Postgres
            // server the rest (they only read the raw tables: paths, rollups, the baseline, the annual
            // reports) run beside them on spare connections, in this transaction's snapshot.
            const writes = (name: string) => isIncremental(name) && !scopes[name].full;
            const taken = sessionLock ? 1 : 0;
            const beside =
              spareConnections(db) - taken > 0
                ? buildAll(
                    db,
                    tx,
                    shadow,
                    chosen,
                    base,
                    laneTables,
                    publisherMs,
                    built,
                    () => {},
                    scopes,
                    (n) => !writes(n),
                    taken,
                  )
                : undefined;
            beside?.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
            try {
              for (const p of chosen)
                for (const [name, build] of buildsOf(p)) {
                  if (beside && !writes(name)) continue;
                  const t0 = Date.now();
                  built.set(name, await build({ ...base, scope: scopes[p.name], tx, shadow }));
                  publisherMs[`${name}.build`] = Date.now() - t0;
                }
            } finally {
              // No build may still be using a connection when the transaction ends.
              await beside?.catch(() => {});
            }
            await beside;
            publisherMs.build = Date.now() - tb;
          } else if (!stepwise) {
            // Holding the lock: a "__next" table that exists now was left by a publication whose
            // process stopped after some of its builds committed.
            await ShadowTables.dropLeftovers(db);
            state = await publicationState(tx, keys);
            try {
              await buildAll(db, tx, shadow, chosen, base, laneTables, publisherMs, built, enqueue, scopes);
            } catch (e) {
              // No run may still be using the transaction when it rolls back.
              await runs.catch(() => {});
              throw e;
            }
            publisherMs.build = Date.now() - tb;
          }
          const tr = Date.now();
          for (const p of chosen) enqueue(p);
          await runs;
          if (stepwise || inline) publisherMs.run = Date.now() - tr;
          const t0 = Date.now();
          swapped = await shadow.swap();
          publisherMs.swap = Date.now() - t0;
          await consumeChanges(tx, names, state!.through);
          // A fingerprint is kept only for the datasets this run published; the others keep theirs.
          const fingerprints = Object.fromEntries(
            Object.entries(state!.fingerprints).filter(([d]) => names.includes(d)),
          );
          await tx
            .update(publicationRuns)
            .set({
              status: "succeeded",
              finishedAt: new Date(),
              ...total,
              fingerprints,
              scopes: describeScopes(scopes),
            })
            .where(eq(publicationRuns.id, run.id));
        },
        inline ? { isolationLevel: "repeatable read" } : undefined,
      ))().finally(() => sessionLock?.release());
  } catch (e) {
    await ShadowTables.discard(db, laneTables).catch(() => {});
    await db
      .update(publicationRuns)
      .set({ status: "failed", finishedAt: new Date(), error: (e as Error).message.slice(0, 2000) })
      .where(eq(publicationRuns.id, run.id));
    throw e;
  }
  // The new publication is already being served; a failed vacuum only leaves its reads slower.
  const tv = Date.now();
  // The tables rewritten in place (rollups, daily counts) are vacuumed too: each run deletes and
  // re-inserts their rows, and where autovacuum is off or behind, the dead rows pile up and slow
  // every later run (seen here: 2.8 million dead rows in pub_daily_values after forty runs).
  const inPlace = await queryRows<{ t: string }>(
    db,
    sql`select tablename as t from pg_tables
    where schemaname = current_schema() and (tablename like 'pub\_%' or tablename like 'publish\_part\_%')
      and tablename not like '%\_\_next'`,
  ).catch((e) => {
    console.warn(
      `publication ${run.id}: could not list the published tables to vacuum (only the swapped ones will be): ${(e as Error).message}`,
    );
    return [];
  });
  const tables = [...swapped, ...inPlace.map((r) => r.t).filter((t) => !swapped.includes(t))];
  // On the embedded database one table at a time, so that reads get the connection in between.
  const vacuum = stepwise
    ? async () => {
        for (const t of tables) await ShadowTables.vacuum(db, [t]);
      }
    : () => ShadowTables.vacuum(db, tables);
  await vacuum().catch((e) =>
    console.warn(`publication ${run.id}: vacuum of the published tables failed: ${(e as Error).message}`),
  );
  publisherMs.vacuum = Date.now() - tv;
  return { ...total, runId: run.id, asOf, ms: Date.now() - started, publisherMs, scopes: describeScopes(scopes) };
}
