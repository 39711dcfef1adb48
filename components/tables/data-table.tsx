// A server-rendered data table on TanStack Table v8 with manual (server-side) sorting, filtering
// and pagination: the database does the work, the URL holds the state, and the page needs no
// client JavaScript. Sortable headers are links with aria-sort.
import { createTable, flexRender, getCoreRowModel, type ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { rowsSummary } from "@/lib/format/paging";
import { Pagination } from "./pagination";
import { hrefWith, type TableState } from "./table-params";
import styles from "./tables.module.css";

export type Column<T> = {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  sortable?: boolean;
  /** Right-aligned numbers. */
  numeric?: boolean;
  /** The column that names the row (rendered as <th scope="row">). */
  rowHeader?: boolean;
};

export type DataTableProps<T> = {
  caption: string;
  /** The page path the links point to (e.g. "/cameras"). */
  path: string;
  /** All current URL params (filters + sort + page), flattened. */
  params: Record<string, string>;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  state: TableState;
  /** Total rows matching the filters (for "Page 3 of 120"). */
  total: number;
  /** Plural noun for the row count: "accesses". */
  noun: string;
  /** Its singular, when dropping the plural ending does not give it. */
  nounOne?: string;
  /** Download links etc., shown next to the row count. */
  downloads?: ReactNode;
  emptyText?: string;
};

export function DataTable<T>(props: DataTableProps<T>) {
  const { columns, rows, state, total, path, params } = props;
  const pageCount = Math.max(1, Math.ceil(total / state.pageSize));
  const defs: ColumnDef<T, unknown>[] = columns.map((c) => ({
    id: c.id,
    header: c.header,
    accessorFn: (row: T) => row,
    cell: (info) => c.cell(info.row.original),
    enableSorting: Boolean(c.sortable),
    meta: c,
  }));
  const table = createTable<T>({
    data: rows,
    columns: defs,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    pageCount,
    state: {
      sorting: [{ id: state.sort, desc: state.dir === "desc" }],
      pagination: { pageIndex: state.page - 1, pageSize: state.pageSize },
    },
    onStateChange: () => {},
    renderFallbackValue: null,
    getRowId: props.rowKey,
  });
  table.setOptions((prev) => ({ ...prev, state: { ...table.initialState, ...prev.state } }));
  const nounOne = props.nounOne ?? props.noun.replace(/(ss|ch|sh|x)es$/, "$1").replace(/s$/, "");
  const t = useTranslations("Tables");
  const locale = useLocale();
  // One path for every language: which line to show is decided in lib/format/paging.ts, its words
  // are the messages' (the nouns come translated from the page).
  const line = rowsSummary(
    state.page,
    state.pageSize,
    total,
    { one: nounOne, other: props.noun },
    locale === "es" ? "es" : "en",
  );
  const summary = t(line.key, line.values);

  return (
    <div>
      <div className={styles.summary}>
        <p role="status">{summary}</p>
        {props.downloads ? <div>{props.downloads}</div> : null}
      </div>
      <div className="table-wrap">
        <table className="stack">
          <caption>{props.caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const col = h.column.columnDef.meta as Column<T>;
                  const sorted = h.column.getIsSorted();
                  const ariaSort =
                    sorted === "asc"
                      ? "ascending"
                      : sorted === "desc"
                        ? "descending"
                        : col.sortable
                          ? "none"
                          : undefined;
                  const nextDir = sorted === "desc" ? "asc" : "desc";
                  return (
                    <th key={h.id} scope="col" aria-sort={ariaSort} className={col.numeric ? "num" : undefined}>
                      {col.sortable ? (
                        <Link
                          className={styles.sortLink}
                          href={hrefWith(path, params, { sort: col.id, dir: nextDir, page: undefined })}
                          scroll={false}
                        >
                          {col.header}
                          <span className={styles.sortIcon} aria-hidden="true">
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                          <span className="visually-hidden">{nextDir === "asc" ? t("sortAsc") : t("sortDesc")}</span>
                        </Link>
                      ) : (
                        col.header
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((r) => (
              <tr key={r.id}>
                {r.getVisibleCells().map((cell) => {
                  const col = cell.column.columnDef.meta as Column<T>;
                  const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                  return col.rowHeader ? (
                    <th
                      key={cell.id}
                      scope="row"
                      data-label={col.header}
                      className={`${styles.rowHeader} ${col.numeric ? "num" : ""}`}
                    >
                      {content}
                    </th>
                  ) : (
                    <td key={cell.id} data-label={col.header} className={col.numeric ? "num" : undefined}>
                      {content}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{props.emptyText ?? t("noneMatch", { noun: props.noun })}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination path={path} params={params} page={state.page} pageCount={pageCount} label={props.caption} />
    </div>
  );
}
