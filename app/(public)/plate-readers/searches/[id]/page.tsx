// One plate-reader search's permalink: the published facts, the review findings that cover it,
// and the complaints filed about it (status and date; never the resident's words).
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ComplaintList } from "@/components/content/complaint-list";
import { ReviewedNotices } from "@/components/content/reviewed-notice";
import { complaintsAbout } from "@/db/queries/public/complaints";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getPublicSearch } from "@/db/queries/public/records";
import { ALPR_REASON_LABELS, ROLE_LABELS, labelOf, offenseLabel } from "@/lib/cameras/vocab";
import { city } from "@/lib/config/city";
import { zonedDayFormat, type FormatLocale } from "@/lib/format/numbers";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("Plates"))("search.title") };
}

export default async function SearchPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const s = await getPublicSearch({ publicId: id });
  if (!s) notFound();
  const tz = city().timeZone;
  const [reviewed, complaints, t, v, locale] = await Promise.all([
    findingsForPublicIds([s.publicId]),
    complaintsAbout({ targetType: "search", targetRef: s.publicId }),
    getTranslations("Plates"),
    getTranslations("Vocab"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const en = locale === "en" ? undefined : "en";
  const hour = zonedDayFormat(tz, locale, true);
  const facts: [string, React.ReactNode][] = [
    [t("hour"), hour.format(s.hour)],
    [
      t("userPseudonym"),
      `${s.user}, ${v.has(`role.${s.userRole}`) ? v(`role.${s.userRole}`) : labelOf(ROLE_LABELS, s.userRole)}`,
    ],
    [t("agency"), s.agency],
    [
      t("reason"),
      s.reason === "unclassified" || s.reason === "protected" ? (
        v(s.reason)
      ) : (
        <span lang={en}>{labelOf(ALPR_REASON_LABELS, s.reason)}</span>
      ),
    ],
    [t("offenseType"), v.has(`offense.${s.offenseType}`) ? v(`offense.${s.offenseType}`) : offenseLabel(s.offenseType)],
    [t("linkedCase"), s.linkedToCase ? t("yes") : t("no")],
    [
      t("networks"),
      `${s.networkCount}${s.networks.length ? `: ${s.networks.slice(0, 20).join(", ")}` : ""}${s.networks.length > 20 ? t("search.more", { n: s.networks.length - 20 }) : ""}`,
    ],
  ];
  return (
    <>
      <p>
        <Link href="/plate-readers">{t("search.back")}</Link>
      </p>
      <h1>{t("search.h1", { id: s.publicId })}</h1>
      <p className="lede">{t("search.lede")}</p>
      <ReviewedNotices findings={reviewed.get(s.publicId) ?? []} />
      <dl className="card">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>
              <strong>{k}</strong>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("search.complaints")}</h2>
      <ComplaintList items={complaints} timeZone={tz} noun="search" />
      <p>
        <Link href={`/feedback/new?target=search:${s.publicId}`}>{t("search.report")}</Link>
      </p>
    </>
  );
}
