import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { listAuditCheckpoints } from "@/db/queries/public/audit";
import { intlLocale, type Locale } from "@/i18n/locale";
import { Tr, pageTitle } from "@/i18n/tr";
import { dateTimeFormat, numberFormat } from "@/lib/format/intl";

export const generateMetadata = pageTitle("audit.title");

/** "2026-12-01 14:00" in English (as before); the locale's day and 24-hour time in Spanish, both UTC. */
function takenAt(at: Date, locale: Locale): string {
  if (locale === "en") return at.toISOString().slice(0, 16).replace("T", " ");
  return dateTimeFormat(intlLocale(locale), {
    timeZone: "UTC",
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

export default async function AuditCheckpointsPage() {
  await connection();
  const [rows, t, locale] = await Promise.all([
    listAuditCheckpoints(),
    getTranslations("Audit"),
    getLocale() as Promise<Locale>,
  ]);
  const count = numberFormat(intlLocale(locale));
  // A reason the messages do not name (a future job's) is shown as recorded, in English.
  const reason = (r: string) =>
    t.has(`reasons.${r}`) ? (
      t(`reasons.${r}` as "reasons.cli")
    ) : (
      <span lang={locale === "en" ? undefined : "en"}>{r}</span>
    );
  return (
    <>
      <h1>
        <Tr k="audit.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      <p>
        {t.rich("how", {
          link: (chunks) => <a href="/audit/checkpoints.json">{chunks}</a>,
          code: (chunks) => <code>{chunks}</code>,
        })}
      </p>
      <p className="notice">{t("newer")}</p>
      {rows.length === 0 ? (
        <p className="notice">{t("none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("taken")}</th>
                <th scope="col" className="num">
                  {t("entries")}
                </th>
                <th scope="col" className="num">
                  {t("latest")}
                </th>
                <th scope="col">{t("fingerprint")}</th>
                <th scope="col">{t("signature")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.at.toISOString()}-${r.headId}`}>
                  <th scope="row" data-label={t("taken")}>
                    {takenAt(r.at, locale)} ({reason(r.reason)})
                  </th>
                  <td className="num" data-label={t("entries")}>
                    {count.format(r.rowCount)}
                  </td>
                  <td className="num" data-label={t("latest")}>
                    #{r.headId}
                  </td>
                  <td data-label={t("fingerprint")}>
                    <code style={{ wordBreak: "break-all" }}>{r.headHash}</code>
                  </td>
                  <td data-label={t("signature")}>
                    {r.signature ? <code style={{ wordBreak: "break-all" }}>{r.signature}</code> : t("unsigned")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
