// The plate-reader search audit: each search with hour, pseudonymous user, agency, reason,
// offense type, case link and networks searched. Filterable, sortable, paginated via the URL.
import Link from "next/link";
import { DownloadLinks } from "@/components/opendata/download-links";
import { ReviewedInline, type ReviewedBy } from "@/components/content/reviewed-notice";
import { DataTable, type Column } from "@/components/tables/data-table";
import { FilterForm } from "@/components/tables/filter-form";
import { hrefWith, type TableState } from "@/components/tables/table-params";
import type { PubSearch } from "@/db/queries/public/alpr";
import { ALPR_REASONS, ALPR_REASON_LABELS, ROLE_LABELS, labelOf, offenseLabel } from "@/lib/cameras/vocab";

export function SearchLogSection(props: {
  rows: PubSearch[];
  total: number;
  state: TableState;
  params: Record<string, string>;
  errors: Record<string, string>;
  options: { agencies: string[]; offenses: string[] };
  timeZone: string;
  /** Published closed findings covering the rows shown, by public id. */
  reviewed?: Map<string, ReviewedBy[]>;
}) {
  const path = "/plate-readers";
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone: props.timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
  });
  const columns: Column<PubSearch>[] = [
    {
      id: "hour",
      header: "Hour",
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/plate-readers/searches/${r.publicId}`}>
          <time dateTime={r.hour.toISOString()}>{fmt.format(r.hour)}</time>
          <span className="visually-hidden"> (search {r.publicId})</span>
        </Link>
      ),
    },
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
    { id: "reason", header: "Reason", sortable: true, cell: (r) => labelOf(ALPR_REASON_LABELS, r.reason) },
    { id: "offense", header: "Offense type", sortable: true, cell: (r) => offenseLabel(r.offenseType) },
    { id: "case", header: "Linked to a case", cell: (r) => (r.linkedToCase ? "Yes" : "No") },
    {
      id: "concern",
      header: "Concern and review",
      cell: (r) => (
        <>
          <Link href={`/feedback/new?target=search:${r.publicId}`}>
            Report a concern<span className="visually-hidden"> about search {r.publicId}</span>
          </Link>
          <ReviewedInline findings={props.reviewed?.get(r.publicId)} />
        </>
      ),
    },
    {
      id: "networks",
      header: "Networks searched",
      sortable: true,
      numeric: true,
      cell: (r) => <span title={r.networks.join(", ")}>{r.networkCount}</span>,
    },
  ];
  return (
    <>
      <FilterForm
        path={path}
        params={props.params}
        errors={props.errors}
        legend="Filter the searches"
        fields={[
          { name: "from", label: "From (date)", type: "date" },
          { name: "to", label: "To (date)", type: "date" },
          {
            name: "reason",
            label: "Reason",
            type: "select",
            options: ALPR_REASONS.map((r) => ({ value: r, label: labelOf(ALPR_REASON_LABELS, r) })),
          },
          {
            name: "offense",
            label: "Offense type",
            type: "select",
            options: props.options.offenses.map((o) => ({ value: o, label: offenseLabel(o) })),
          },
          {
            name: "agency",
            label: "Agency",
            type: "select",
            options: props.options.agencies.map((a) => ({ value: a, label: a })),
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
        caption="Plate-reader searches (newest first unless sorted otherwise)"
        path={path}
        params={props.params}
        columns={columns}
        rows={props.rows}
        rowKey={(r) => r.publicId}
        state={props.state}
        total={props.total}
        noun="searches"
        downloads={<DownloadLinks dataset="plate-reader-searches" searchParams={props.params} label="search log" />}
      />
    </>
  );
}
