// One complaint's public page: what it is about, its status history and the published outcome, in
// the reader's language. The resident's words and contact details are never shown; the outcome is
// staff-written and says its language.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { complaintStatusChanges } from "@/db/queries/public/complaint-history";
import { publicComplaint } from "@/db/queries/public/complaints";
import { statusHistory } from "@/lib/content/complaint-status";
import { programChoices } from "@/lib/content/feedback";
import type { FormatLocale } from "@/lib/format/numbers";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";

export async function generateMetadata() {
  return { title: (await getTranslations("Feedback"))("record.title") };
}

const RECORD_PATH: Record<string, (ref: string) => string> = {
  flight: (ref) => `/drones/flights/${ref}`,
  policy: (ref) => `/policies/${ref}`,
  access: (ref) => `/cameras/access-log/${ref}`,
  search: (ref) => `/plate-readers/searches/${ref}`,
};

const RECORD_KINDS = ["flight", "access", "search"] as const;
const STATUSES = ["new", "triaged", "in_progress", "resolved", "dismissed"] as const;
const PROGRAM_SLUGS: readonly string[] = programChoices.map((p) => p.slug);

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const [c, changes, t, locale] = await Promise.all([
    publicComplaint({ id: Number(raw) }),
    complaintStatusChanges({ id: Number(raw) }),
    getTranslations("Feedback"),
    getLocale() as Promise<FormatLocale>,
  ]);
  if (!c) notFound();
  const tz = city().timeZone;
  const ref = c.targetRef;
  const programWord = (slug: string) => (PROGRAM_SLUGS.includes(slug) ? t(`programs.${slug}`) : slug);
  const about = !ref
    ? t("record.general")
    : c.targetType === "program"
      ? t("record.program", { name: programWord(ref) })
      : c.targetType === "policy"
        ? t("record.policy", {
            name: ref
              .replace(/[-_]+/g, " ")
              .trim()
              .replace(/^./, (x) => x.toUpperCase()),
          })
        : (RECORD_KINDS as readonly string[]).includes(c.targetType)
          ? t(`record.${c.targetType as (typeof RECORD_KINDS)[number]}`, { ref })
          : t("record.general");
  const recordHref = ref ? RECORD_PATH[c.targetType]?.(ref) : undefined;
  // The program as the database names it; in Spanish by its key where the messages have one.
  const program =
    locale !== "en" && c.programSlug && PROGRAM_SLUGS.includes(c.programSlug)
      ? t(`programs.${c.programSlug}`)
      : c.programName;
  const statusWord = (s: { status: string; label: string }) =>
    (STATUSES as readonly string[]).includes(s.status) ? t(`status.${s.status as (typeof STATUSES)[number]}`) : s.label;
  return (
    <>
      <p className="muted">
        <Link href="/feedback">{t("back")}</Link>
      </p>
      <h1>{t("record.kind", { kind: c.kind, id: c.id })}</h1>
      <p>
        {t("record.about")} {recordHref ? <Link href={recordHref}>{about}</Link> : about}
        {program ? ` (${program})` : ""}
        {t("record.notPublished")}
      </p>
      <h2>{t("record.historyHeading")}</h2>
      <ol aria-label={t("record.historyHeading")}>
        {statusHistory(c, changes).map((s, i) => (
          <li key={i} aria-current={s.current ? "step" : undefined}>
            <strong>{statusWord(s)}</strong>
            {s.at ? `: ${formatInstant(s.at, tz, locale)}` : ""}
            {s.current ? t("record.current") : ""}
          </li>
        ))}
      </ol>
      <h2>{t("record.outcomeHeading")}</h2>
      {c.outcome ? <p lang={locale === "en" ? undefined : "en"}>{c.outcome}</p> : <p>{t("record.noOutcome")}</p>}
    </>
  );
}
