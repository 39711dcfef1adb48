// Data-sharing agreements as published (agency, direction, what is shared, dates).
import { useLocale, useTranslations } from "next-intl";
import { PROGRAM_LABELS, SHARING_DIRECTION_LABELS, labelOf } from "@/lib/cameras/vocab";
import { formatDate } from "@/lib/format/numbers";

type Row = {
  id: number;
  agency: string;
  program: string;
  direction: string;
  dataShared: string;
  startedOn: string;
  endedOn: string | null;
};

export function SharingTable({ rows, caption }: { rows: Row[]; caption: string }) {
  const t = useTranslations("Sharing");
  const v = useTranslations("Vocab");
  const locale = useLocale() === "es" ? "es" : "en";
  // Agencies and what is shared are written by staff in English.
  const en = locale === "en" ? undefined : "en";
  const label = (group: string, labels: Record<string, string>, code: string) =>
    v.has(`${group}.${code}`) ? v(`${group}.${code}`) : labelOf(labels, code);
  const day = (iso: string) => (locale === "en" ? iso : formatDate(iso, locale));
  if (rows.length === 0) return <p>{t("none")}</p>;
  return (
    <div className="table-wrap">
      <table className="stack">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("agency")}</th>
            <th scope="col">{t("program")}</th>
            <th scope="col">{t("direction")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("from")}</th>
            <th scope="col">{t("until")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row" data-label={t("agency")}>
                {r.agency}
              </th>
              <td data-label={t("program")}>{label("program", PROGRAM_LABELS, r.program)}</td>
              <td data-label={t("direction")}>{label("sharingDirection", SHARING_DIRECTION_LABELS, r.direction)}</td>
              <td data-label={t("what")} lang={en}>
                {r.dataShared}
              </td>
              <td data-label={t("from")}>{day(r.startedOn)}</td>
              <td data-label={t("until")}>{r.endedOn ? day(r.endedOn) : t("ongoing")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
