// The complaints and feedback filed about one record: status and date, linking to each one's
// public page. The resident's own words are never shown; a staff-written outcome is in English.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { statusLabels } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/time";

export function ComplaintList(props: {
  items: Array<{ id: number; kind: string; status: string; createdAt: Date; outcome: string | null }>;
  timeZone: string;
  noun: "flight" | "access" | "search";
}) {
  const t = useTranslations("Records");
  const f = useTranslations("Feedback");
  const locale = useLocale() === "es" ? "es" : "en";
  if (props.items.length === 0) return <p>{t("noComplaints", { noun: props.noun })}</p>;
  const status = (s: string) => (f.has(`status.${s}`) ? f(`status.${s}`) : (statusLabels[s] ?? s));
  return (
    <ul>
      {props.items.map((c) => (
        <li key={c.id}>
          <Link href={`/feedback/${c.id}`}>{t("complaintKind", { kind: c.kind, id: c.id })}</Link>
          {t("received", { date: formatInstant(c.createdAt, props.timeZone, locale), status: status(c.status) })}
          {c.outcome ? (
            <>
              {t("outcome")}
              <span lang={locale === "en" ? undefined : "en"}>{c.outcome}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
