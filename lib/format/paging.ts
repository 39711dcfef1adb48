// Which rows a page of a table shows, and what to say when the page asked for does not exist
// (a hand-edited ?page=999 must not read "Showing 24,951–2,993 of 2,993").
import { numberFormat } from "./intl";

export type PageWindow = { first: number; last: number; pageCount: number; beyond: boolean };

export function pageWindow(page: number, pageSize: number, total: number): PageWindow {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (total === 0 || page > pageCount) return { first: 0, last: 0, pageCount, beyond: total > 0 && page > pageCount };
  return { first: (page - 1) * pageSize + 1, last: Math.min(total, page * pageSize), pageCount, beyond: false };
}

/** The status line above a table as a Tables message and its values; the wording is the messages'. */
export type RowsSummary =
  | { key: "noneMatch"; values: { noun: string } }
  | { key: "beyond"; values: { page: string; total: string; noun: string; pages: number } }
  | { key: "showing"; values: { first: string; last: string; total: string; noun: string } };

/**
 * Which status line a table shows ("Showing 26–50 of 2,993 flights", no such page, or nothing
 * matched), with its numbers in the reader's locale and the noun (already in the reader's
 * language) in the singular for one row.
 */
export function rowsSummary(
  page: number,
  pageSize: number,
  total: number,
  noun: { one: string; other: string },
  locale: "en" | "es" = "en",
): RowsSummary {
  const w = pageWindow(page, pageSize, total);
  const fmt = numberFormat(locale === "es" ? "es-US" : "en-US");
  const n = (x: number) => fmt.format(x);
  const word = total === 1 ? noun.one : noun.other;
  if (total === 0) return { key: "noneMatch", values: { noun: noun.other } };
  if (w.beyond) return { key: "beyond", values: { page: n(page), total: n(total), noun: word, pages: w.pageCount } };
  return { key: "showing", values: { first: n(w.first), last: n(w.last), total: n(total), noun: word } };
}
