import "server-only";
// Public readers wrapped so that their results are kept per publication (see per-publication.ts):
// a page renders afresh for each visitor (its CSP nonce is per request) but reads its data from
// memory until a publication commits. Only for readers over published tables.
import type { DbOrTx } from "@/db/client";
import type { DatasetReader } from "@/lib/opendata/types";
import { perPublication } from "./per-publication";

/** The cache key: the reader's name and its arguments without the database handle. */
function keyOf(name: string, args: unknown[]): string {
  return `${name}:${JSON.stringify(args, (k, v: unknown) => (k === "db" ? undefined : v))}`;
}

/** `fn` with its results kept until the next publication; its last argument may carry `db`. */
export function perPublicationReader<A extends unknown[], R>(
  name: string,
  fn: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return (...args: A) => {
    const last = args.at(-1) as { db?: DbOrTx } | undefined;
    const db = last && typeof last === "object" ? last.db : undefined;
    return perPublication(db, keyOf(name, args), (d) =>
      fn(...(args.map((a, i) => (i === args.length - 1 && a && typeof a === "object" ? { ...a, db: d } : a)) as A)),
    );
  };
}

/** API pages larger than this (downloads' batches) are read afresh rather than held in memory. */
const MAX_CACHED_BATCH = 1000;

/** An open-data reader whose pages and counts are kept until the next publication. */
export function perPublicationDatasetReader<F, R>(
  slug: string,
  db: DbOrTx | undefined,
  r: DatasetReader<F, R>,
): DatasetReader<F, R> {
  return {
    batch: (filters, after, limit) =>
      limit > MAX_CACHED_BATCH
        ? r.batch(filters, after, limit)
        : perPublication(db, keyOf(`api.batch.${slug}`, [filters, after, limit]), () => r.batch(filters, after, limit)),
    count: (filters) => perPublication(db, keyOf(`api.count.${slug}`, [filters]), () => r.count(filters)),
    ...(r.refuse ? { refuse: r.refuse.bind(r) } : {}),
  };
}
