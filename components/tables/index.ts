export { DataTable, type Column, type DataTableProps } from "./data-table";
export { FilterForm, type FilterField } from "./filter-form";
export { Pagination } from "./pagination";
export {
  flattenParams,
  hrefWith,
  parseTableState,
  type SearchParams,
  type SortDir,
  type TableState,
} from "./table-params";
