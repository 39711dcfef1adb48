// The public access log: filterable, sortable, paginated; the URL holds the view.
import Link from "next/link";
import { DownloadLinks } from "@/components/opendata/download-links";
import { ReviewedInline, type ReviewedBy } from "@/components/content/reviewed-notice";
import { DataTable, type Column } from "@/components/tables/data-table";
import { FilterForm } from "@/components/tables/filter-form";
import { hrefWith, type TableState } from "@/components/tables/table-params";
import type { PubAccess } from "@/db/queries/public/cameras";
import { dateTimeFormat } from "@/lib/format/intl";
import { useLocale, useTranslations } from "next-intl";
import {
  ACCESS_REASONS,
  ACCESS_REASON_LABELS,
  OPERATIONS,
  OPERATION_LABELS,
  ROLE_LABELS,
  labelOf,
} from "@/lib/cameras/vocab";

const hourFmt = (tz: string, locale: string) =>
  dateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    timeZone: tz,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
  });

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
  const tc = useTranslations("Cameras");
  const t = (k: string, values?: Record<string, string>) => tc(`acc.${k}`, values);
  const v = useTranslations("Vocab");
  const locale = useLocale();
  const fmt = hourFmt(props.timeZone, locale);
  const path = ACCESS_LOG_PATH;
  const label = (group: string, labels: Record<string, string>, code: string) =>
    v.has(`${group}.${code}`) ? v(`${group}.${code}`) : labelOf(labels, code);
  // The places the publisher words for cameras it does not name (private, at a sensitive site).
  const place = (p: string) => {
    const [, kind, area] = /^(private camera|camera at a sensitive site), (.*)$/.exec(p) ?? [];
    if (!kind) return p;
    return t(kind === "private camera" ? "privatePlace" : "sensitivePlace", { area });
  };
  const columns: Column<PubAccess>[] = [
    {
      id: "hour",
      header: t("hour"),
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/cameras/access-log/${r.publicId}`}>
          <time dateTime={r.hour.toISOString()}>{fmt.format(r.hour)}</time>
          <span className="visually-hidden">{t("sr", { id: r.publicId })}</span>
        </Link>
      ),
    },
    { id: "place", header: t("place"), sortable: true, cell: (r) => place(r.place) },
    {
      id: "user",
      header: t("user"),
      sortable: true,
      cell: (r) => (
        <>
          <Link href={hrefWith(path, props.params, { user: r.user, page: undefined })}>{r.user}</Link>
          <br />
          <span className="muted">{label("role", ROLE_LABELS, r.userRole)}</span>
        </>
      ),
    },
    // Agencies' names are published in English.
    {
      id: "agency",
      header: t("agency"),
      sortable: true,
      cell: (r) => <span lang={locale === "en" ? undefined : "en"}>{r.agency}</span>,
    },
    {
      id: "operation",
      header: t("operation"),
      sortable: true,
      cell: (r) => (
        <>
          {label("operation", OPERATION_LABELS, r.operation)}
          {r.sharedWith ? (
            <>
              <br />
              <span className="muted">{t("with", { who: r.sharedWith })}</span>
            </>
          ) : null}
        </>
      ),
    },
    {
      id: "reason",
      header: t("reason"),
      sortable: true,
      cell: (r) => label("accessReason", ACCESS_REASON_LABELS, r.reason),
    },
    { id: "case", header: t("linked"), cell: (r) => (r.linkedToCase ? t("yes") : t("no")) },
    {
      id: "concern",
      header: t("concern"),
      cell: (r) => (
        <>
          <Link href={`/feedback/new?target=access:${r.publicId}`}>
            {t("report")}
            <span className="visually-hidden">{t("reportAbout", { id: r.publicId })}</span>
          </Link>
          <ReviewedInline findings={props.reviewed?.get(r.publicId)} />
        </>
      ),
    },
  ];
  const opt = (codes: readonly string[], group: string, labels: Record<string, string>) =>
    codes.map((c) => ({ value: c, label: label(group, labels, c) }));
  return (
    <>
      <FilterForm
        path={path}
        params={props.params}
        errors={props.errors}
        legend={t("filter")}
        fields={[
          { name: "from", label: t("from"), type: "date" },
          { name: "to", label: t("to"), type: "date" },
          {
            name: "operation",
            label: t("operation"),
            type: "select",
            options: opt(OPERATIONS, "operation", OPERATION_LABELS),
          },
          {
            name: "reason",
            label: t("reason"),
            type: "select",
            options: opt(ACCESS_REASONS, "accessReason", ACCESS_REASON_LABELS),
          },
          {
            name: "agency",
            label: t("agency"),
            type: "select",
            options: props.options.agencies.map((a) => ({ value: a, label: a })),
          },
          {
            name: "place",
            label: t("place"),
            type: "select",
            options: props.options.places.map((p) => ({ value: p, label: place(p) })),
          },
          {
            name: "linked",
            label: t("linked"),
            type: "select",
            options: [
              { value: "yes", label: t("yes") },
              { value: "no", label: t("no") },
            ],
          },
          { name: "user", label: t("userPseudonym"), type: "text", placeholder: "user-7f3a2b" },
        ]}
      />
      <DataTable
        caption={t("caption")}
        path={path}
        params={props.params}
        columns={columns}
        rows={props.rows}
        rowKey={(r) => r.publicId}
        state={props.state}
        total={props.total}
        noun={t("noun")}
        nounOne={t("nounOne")}
        downloads={<DownloadLinks dataset="camera-accesses" searchParams={props.params} label={t("download")} />}
      />
    </>
  );
}
