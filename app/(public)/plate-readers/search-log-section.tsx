// The plate-reader search audit: each search with hour, pseudonymous user, agency, reason,
// offense type, case link and networks searched. Filterable, sortable, paginated via the URL.
import Link from "next/link";
import { DownloadLinks } from "@/components/opendata/download-links";
import { ReviewedInline, type ReviewedBy } from "@/components/content/reviewed-notice";
import { DataTable, type Column } from "@/components/tables/data-table";
import { FilterForm } from "@/components/tables/filter-form";
import { hrefWith, type TableState } from "@/components/tables/table-params";
import type { PubSearch } from "@/db/queries/public/alpr";
import { useLocale, useTranslations } from "next-intl";
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
  const t = useTranslations("Plates");
  const v = useTranslations("Vocab");
  const locale = useLocale();
  // Call categories (a search's purpose) stay as published, marked English.
  const en = locale === "en" ? undefined : "en";
  const role = (code: string) => (v.has(`role.${code}`) ? v(`role.${code}`) : labelOf(ROLE_LABELS, code));
  const offense = (code: string) => (v.has(`offense.${code}`) ? v(`offense.${code}`) : offenseLabel(code));
  const reasonText = (code: string) =>
    code === "unclassified" || code === "protected" ? v(code) : labelOf(ALPR_REASON_LABELS, code);
  const reason = (code: string) =>
    code === "unclassified" || code === "protected" ? (
      v(code)
    ) : (
      <span lang={en}>{labelOf(ALPR_REASON_LABELS, code)}</span>
    );
  const fmt = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    timeZone: props.timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
  });
  const columns: Column<PubSearch>[] = [
    {
      id: "hour",
      header: t("hour"),
      sortable: true,
      rowHeader: true,
      cell: (r) => (
        <Link href={`/plate-readers/searches/${r.publicId}`}>
          <time dateTime={r.hour.toISOString()}>{fmt.format(r.hour)}</time>
          <span className="visually-hidden">{t("searchSr", { id: r.publicId })}</span>
        </Link>
      ),
    },
    {
      id: "user",
      header: t("user"),
      sortable: true,
      cell: (r) => (
        <>
          <Link href={hrefWith(path, props.params, { user: r.user, page: undefined })}>{r.user}</Link>
          <br />
          <span className="muted">{role(r.userRole)}</span>
        </>
      ),
    },
    { id: "agency", header: t("agency"), sortable: true, cell: (r) => <span lang={en}>{r.agency}</span> },
    { id: "reason", header: t("reason"), sortable: true, cell: (r) => reason(r.reason) },
    { id: "offense", header: t("offenseType"), sortable: true, cell: (r) => offense(r.offenseType) },
    { id: "case", header: t("linkedCase"), cell: (r) => (r.linkedToCase ? t("yes") : t("no")) },
    {
      id: "concern",
      header: t("concernReview"),
      cell: (r) => (
        <>
          <Link href={`/feedback/new?target=search:${r.publicId}`}>
            {t("report")}
            <span className="visually-hidden">{t("reportAbout", { id: r.publicId })}</span>
          </Link>
          <ReviewedInline findings={props.reviewed?.get(r.publicId)} />
        </>
      ),
    },
    {
      id: "networks",
      header: t("networks"),
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
        legend={t("filter")}
        fields={[
          { name: "from", label: t("from"), type: "date" },
          { name: "to", label: t("to"), type: "date" },
          {
            name: "reason",
            label: t("reason"),
            type: "select",
            options: ALPR_REASONS.map((r) => ({ value: r, label: reasonText(r) })),
          },
          {
            name: "offense",
            label: t("offenseType"),
            type: "select",
            options: props.options.offenses.map((o) => ({ value: o, label: offense(o) })),
          },
          {
            name: "agency",
            label: t("agency"),
            type: "select",
            options: props.options.agencies.map((a) => ({ value: a, label: a })),
          },
          {
            name: "linked",
            label: t("linkedCase"),
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
        caption={t("logCaption")}
        path={path}
        params={props.params}
        columns={columns}
        rows={props.rows}
        rowKey={(r) => r.publicId}
        state={props.state}
        total={props.total}
        noun={t("noun")}
        nounOne={t("nounOne")}
        downloads={<DownloadLinks dataset="plate-reader-searches" searchParams={props.params} label={t("download")} />}
      />
    </>
  );
}
