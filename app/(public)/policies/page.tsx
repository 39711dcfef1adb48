import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { listCurrentPolicies } from "@/db/queries/public/content";
import { formatDate } from "@/lib/format/numbers";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("policies.title");

export default async function PoliciesPage() {
  await connection();
  const [policies, t, locale] = await Promise.all([
    listCurrentPolicies(),
    getTranslations("Policies"),
    getLocale() as Promise<Locale>,
  ]);
  // Staff-written text (titles, bodies, who adopted) is in the language it was written in: English here.
  const staffLang = locale === "en" ? undefined : "en";
  return (
    <>
      <h1>
        <Tr k="policies.h1" />
      </h1>
      <p className="lede">{t("lede")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("policy")}</th>
              <th scope="col">{t("program")}</th>
              <th scope="col">{t("version")}</th>
              <th scope="col">{t("since")}</th>
              <th scope="col">{t("adoptedBy")}</th>
              <th scope="col" className="num">
                {t("versions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map(({ current: p, versions }) => (
              <tr key={p.slug}>
                <td lang={staffLang}>
                  <Link href={`/policies/${p.slug}`}>{p.title}</Link>
                </td>
                <td lang={staffLang}>{p.programName ?? "—"}</td>
                <td>{p.version}</td>
                <td>{formatDate(p.effectiveDate, locale)}</td>
                <td lang={staffLang}>{p.adoptedBy}</td>
                <td className="num">{versions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link href="/feedback/new?target=program:drones">{t("feedback")}</Link>
      </p>
    </>
  );
}
