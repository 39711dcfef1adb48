// The public access log: filterable, sortable, paginated; the URL holds the view.
import Link from "next/link";
import { DownloadLinks } from "@/components/opendata/download-links";
import { ReviewedInline, type ReviewedBy } from "@/components/content/reviewed-notice";
import { DataTable, type Column } from "@/components/tables/data-table";
import { FilterForm } from "@/components/tables/filter-form";
import { hrefWith, type TableState } from "@/components/tables/table-params";
import type { PubAccess } from "@/db/queries/public/cameras";
import { dateTimeFormat } from "@/lib/format/intl";
import {
  ACCESS_REASONS,
  ACCESS_REASON_LABELS,
  OPERATIONS,
  OPERATION_LABELS,
  ROLE_LABELS,
  labelOf,
} from "@/lib/cameras/vocab";

const hourFmt = (tz: string) =>
  dateTimeFormat("en-US", { timeZone: tz, year: "numeric", month: "short", day: "numeric", hour: "numeric" });

/** Where the log's filters, sort and page links lead: its own page, light enough to reload per view. */
export const ACCESS_LOG_PATH = "/cameras/access-log";

export function AccessLogSection(props: {
  rows: PubAccess[];
  total: number;
  state: TableState;
  params: Record<string, string>;
  errors: Record<string, string>;
  options: { places: string[]; agencies: string[] };
  timeZone: string;
  /** Published closed findings covering the rows shown, by public id. */
  reviewed?: Map<string, ReviewedBy[]>;
}) {
  const fmt = hourFmt(props.timeZone);
  const path = ACCESS_LOG_PATH;
  const columns: Column<PubAccess>[] = [
    {
      id: "hour",
      header: "Hour",
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/cameras/access-log/${r.publicId}`}>
          <time dateTime={r.hour.toISOString()}>{fmt.format(r.hour)}</time>
          <span className="visually-hidden"> (access {r.publicId})</span>
        </Link>
      ),
    },
    { id: "place", header: "Camera or site", sortable: true, cell: (r) => r.place },
    {
      id: "user",
      header: "User",
      sortable: true,
      cell: (r) => (
        <>
          <Link href={hrefWith(path, props.params, { user: r.user, page: undefined })}>{r.user}</Link>
          <br />
          <span className="muted">{labelOf(ROLE_LABELS, r.userRole)}</span>
        </>
      ),
    },
    { id: "agency", header: "Agency", sortable: true, cell: (r) => r.agency },
    {
      id: "operation",
      header: "Operation",
      sortable: true,
      cell: (r) => (
        <>
          {labelOf(OPERATION_LABELS, r.operation)}
          {r.sharedWith ? (
            <>
              <br />
              <span className="muted">with {r.sharedWith}</span>
            </>
          ) : null}
        </>
      ),
    },
    { id: "reason", header: "Reason", sortable: true, cell: (r) => labelOf(ACCESS_REASON_LABELS, r.reason) },
    { id: "case", header: "Linked to a case", cell: (r) => (r.linkedToCase ? "Yes" : "No") },
    {
      id: "concern",
      header: "Concern and review",
      cell: (r) => (
        <>
          <Link href={`/feedback/new?target=access:${r.publicId}`}>
            Report a concern<span className="visually-hidden"> about access {r.publicId}</span>
          </Link>
          <ReviewedInline findings={props.reviewed?.get(r.publicId)} />
        </>
      ),
    },
  ];
  const opt = (codes: readonly string[], labels: Record<string, string>) =>
    codes.map((c) => ({ value: c, label: labelOf(labels, c) }));
  return (
    <>
      <FilterForm
        path={path}
        params={props.params}
        errors={props.errors}
        legend="Filter the access log"
        fields={[
          { name: "from", label: "From (date)", type: "date" },
          { name: "to", label: "To (date)", type: "date" },
          { name: "operation", label: "Operation", type: "select", options: opt(OPERATIONS, OPERATION_LABELS) },
          { name: "reason", label: "Reason", type: "select", options: opt(ACCESS_REASONS, ACCESS_REASON_LABELS) },
          {
            name: "agency",
            label: "Agency",
            type: "select",
            options: props.options.agencies.map((a) => ({ value: a, label: a })),
          },
          {
            name: "place",
            label: "Camera or site",
            type: "select",
            options: props.options.places.map((p) => ({ value: p, label: p })),
          },
          {
            name: "linked",
            label: "Linked to a case",
            type: "select",
            options: [
              { value: "yes", label: "Yes" },
              { value: "no", label: "No" },
            ],
          },
          { name: "user", label: "User (pseudonym)", type: "text", placeholder: "user-7f3a2b" },
        ]}
      />
      <DataTable
        caption="Camera accesses (newest first unless sorted otherwise)"
        path={path}
        params={props.params}
        columns={columns}
        rows={props.rows}
        rowKey={(r) => r.publicId}
        state={props.state}
        total={props.total}
        noun="accesses"
        downloads={<DownloadLinks dataset="camera-accesses" searchParams={props.params} label="access log" />}
      />
    </>
  );
}
