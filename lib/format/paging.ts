// Which rows a page of a table shows, and what to say when the page asked for does not exist
// (a hand-edited ?page=999 must not read "Showing 24,951–2,993 of 2,993").
import { countOf } from "./plural";

export type PageWindow = { first: number; last: number; pageCount: number; beyond: boolean };

export function pageWindow(page: number, pageSize: number, total: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0 || page > pageCount) return { first: 0, last: 0, pageCount, beyond: total > 0 && page > pageCount };
  return { first: (page - 1) * pageSize + 1, last: Math.min(total, page * pageSize), pageCount, beyond: false };
}

/** The status line above a table: "Showing 26–50 of 2,993 flights", or why nothing is shown. */
export function rowsSummary(
  page: number,
  pageSize: number,
  total: number,
  noun: { one: string; other: string },
): string {
  const w = pageWindow(page, pageSize, total);
  const n = (x: number) => x.toLocaleString("en-US");
  if (total === 0) return `No ${noun.other} match these filters.`;
  if (w.beyond)
    return `There is no page ${n(page)}: ${countOf(total, noun.one, noun.other)} match, on ${countOf(w.pageCount, "page", "pages")}.`;
  return `Showing ${n(w.first)}–${n(w.last)} of ${countOf(total, noun.one, noun.other)}`;
}
