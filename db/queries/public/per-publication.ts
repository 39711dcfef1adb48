import "server-only";
// Published tables change only when a publication commits, so an aggregate over them is the same
// for every visitor until the next one. perPublication keeps such results in memory, keyed by the
// latest successful run: a new publication (by this process, the CLI or another instance) changes
// that id, and the next request computes afresh. Staff content, which changes without a
// publication, must not be read through it.
import { getDb, type DbOrTx } from "@/db/client";
import { getLatestRun } from "./publication";

/** Results kept per database (the app's, or a test's), least recently used dropped first. */
const MAX_ENTRIES = 256;
type Entry = { runId: number; value: Promise<unknown> };
const caches = new WeakMap<object, Map<string, Entry>>();

const reading = new WeakMap<object, Promise<number | null>>();

/**
 * The latest successful run's id, read once for all the readers that ask while it is being read: a
 * page's dozen readers, started together, share one query instead of a dozen. A reader that asks
 * after the read ends reads again, so a publication is seen as soon as it commits.
 */
function latestRunId(d: DbOrTx): Promise<number | null> {
  const running = reading.get(d);
  if (running) return running;
  const p = getLatestRun({ db: d })
    .then((r) => r?.id ?? null)
    .finally(() => reading.delete(d));
  reading.set(d, p);
  return p;
}

export async function perPublication<T>(
  db: DbOrTx | undefined,
  key: string,
  compute: (db: DbOrTx) => Promise<T>,
): Promise<T> {
  const d = db ?? (await getDb());
  const runId = await latestRunId(d);
  if (runId === null) return compute(d);
  let cache = caches.get(d);
  if (!cache) caches.set(d, (cache = new Map<string, Entry>()));
  const hit = cache.get(key);
  if (hit && hit.runId === runId) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as Promise<T>;
  }
  const value = compute(d);
  const entries = cache;
  entries.set(key, { runId, value });
  // A failed read is not kept: the next request tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
