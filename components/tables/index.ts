export { DataTable, type Column } from "./data-table";
export { FilterForm } from "./filter-form";
export { Pagination } from "./pagination";
export { flattenParams, parseTableState, type SearchParams } from "./table-params";
