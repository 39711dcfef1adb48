import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { feedbackCounts, resolvedComplaints } from "@/db/queries/public/content";
import { statusLabels } from "@/lib/content/feedback";
import { localDate } from "@/lib/time";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";
import { formatDate } from "@/lib/format/numbers";
import { city } from "@/lib/config/city";

export async function generateMetadata() {
  const t = await getTranslations("Feedback");
  return { title: t("title") };
}
const order = ["new", "triaged", "in_progress", "resolved", "dismissed"] as const;

export default async function FeedbackPage() {
  await connection();
  const [counts, outcomes, t, locale] = await Promise.all([
    feedbackCounts(),
    resolvedComplaints(),
    getTranslations("Feedback"),
    getLocale() as Promise<Locale>,
  ]);
  const status = (s: (typeof order)[number]) => (locale === "en" ? statusLabels[s] : t(`status.${s}`));
  const programName = (slug: string | null, name: string | null) =>
    locale !== "en" && slug && t.has(`programs.${slug}`)
      ? t(`programs.${slug}` as "programs.drones")
      : (name ?? t("general"));
  const programs = [
    ...new Map(counts.map((c) => [c.programSlug ?? "", programName(c.programSlug, c.programName)])).entries(),
  ].sort((a, b) => a[1].localeCompare(b[1]));
  const cell = (p: string, kind: string, status: string) =>
    counts
      .filter((c) => (c.programSlug ?? "") === p && c.kind === kind && c.status === status)
      .reduce((s, c) => s + Number(c.n), 0);
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede")}</p>
      <p>
        <Link className="button" href="/feedback/new">
          {t("send")}
        </Link>
      </p>
      {(["complaint", "feedback"] as const).map((kind) => (
        <div className="table-wrap" key={kind}>
          <table className="stack">
            <caption>{t("caption", { kind })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("program")}</th>
                {order.map((s) => (
                  <th key={s} scope="col" className="num">
                    {status(s)}
                  </th>
                ))}
                <th scope="col" className="num">
                  {t("total")}
                </th>
              </tr>
            </thead>
            <tbody>
              {programs.map(([slug, name]) => (
                <tr key={slug}>
                  <th scope="row" data-label={t("program")}>
                    {name}
                  </th>
                  {order.map((s) => (
                    <td key={s} className="num" data-label={status(s)}>
                      {cell(slug, kind, s)}
                    </td>
                  ))}
                  <td className="num" data-label={t("total")}>
                    {order.reduce((t, s) => t + cell(slug, kind, s), 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t("resolvedHeading")}</h2>
      {outcomes.length === 0 ? (
        <p>{t("noneResolved")}</p>
      ) : (
        <ul>
          {outcomes.map((o) => (
            <li key={o.id}>
              <strong>{o.programName ?? t("general")}</strong>
              {o.targetType === "flight" && o.targetRef && PUBLIC_ID_PATTERN.test(o.targetRef) ? (
                <>
                  {" "}
                  (<Link href={`/drones/flights/${o.targetRef}`}>{t("flight")}</Link>)
                </>
              ) : o.targetType === "policy" && o.targetRef ? (
                <>
                  {" "}
                  (<Link href={`/policies/${o.targetRef}`}>{t("policy")}</Link>)
                </>
              ) : null}
              {o.resolvedAt
                ? t("resolvedOn", { date: formatDate(localDate(o.resolvedAt, city().timeZone), locale) })
                : ""}
              : {o.outcome}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
