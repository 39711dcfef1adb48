// Table state lives in the URL (sort, direction, page) next to the page's own filters, so any view
// can be shared as a link. Parsing is lenient: a bad value falls back to the default, never a 500.
import { z } from "zod";

export type SortDir = "asc" | "desc";
export type SearchParams = Record<string, string | string[] | undefined>;
export type TableState<S extends string = string> = { sort: S; dir: SortDir; page: number; pageSize: number };

/** First value of each search param (repeated params keep the first). */
export function flattenParams(sp: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(sp)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined && first !== "") out[k] = first;
  }
  return out;
}

export function parseTableState<S extends string>(
  sp: SearchParams,
  opts: { sortable: readonly S[]; defaultSort: S; defaultDir?: SortDir; pageSize?: number },
): TableState<S> {
  const p = flattenParams(sp);
  const sort = z.enum(opts.sortable as readonly [S, ...S[]]).safeParse(p.sort);
  const dir = z.enum(["asc", "desc"]).safeParse(p.dir);
  const page = z.coerce.number().int().min(1).max(1_000_000).safeParse(p.page);
  return {
    sort: sort.success ? sort.data : opts.defaultSort,
    dir: dir.success ? dir.data : (opts.defaultDir ?? "desc"),
    page: page.success ? page.data : 1,
    pageSize: opts.pageSize ?? 25,
  };
}

/** The current URL with some params changed (undefined/"" removes one). */
export function hrefWith(
  path: string,
  current: Record<string, string>,
  changes: Record<string, string | number | undefined>,
): string {
  const next = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...current, ...changes };
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== "") next.set(k, String(v));
  const qs = next.toString();
  return qs ? `${path}?${qs}` : path;
}
