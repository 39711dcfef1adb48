// One camera access's permalink: the published facts, the review findings that cover it, and the
// complaints filed about it (status and date; never the resident's words).
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ComplaintList } from "@/components/content/complaint-list";
import { ReviewedNotices } from "@/components/content/reviewed-notice";
import { complaintsAbout } from "@/db/queries/public/complaints";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getPublicAccess } from "@/db/queries/public/records";
import { ACCESS_REASON_LABELS, OPERATION_LABELS, ROLE_LABELS, labelOf } from "@/lib/cameras/vocab";
import { city } from "@/lib/config/city";
import { zonedDayFormat, type FormatLocale } from "@/lib/format/numbers";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";
import { getLocale, getTranslations } from "next-intl/server";

export async function generateMetadata() {
  return { title: (await getTranslations("Cameras"))("access.title") };
}

export default async function AccessPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const a = await getPublicAccess({ publicId: id });
  if (!a) notFound();
  const tz = city().timeZone;
  const [reviewed, complaints, tc, v, locale] = await Promise.all([
    findingsForPublicIds([a.publicId]),
    complaintsAbout({ targetType: "access", targetRef: a.publicId }),
    getTranslations("Cameras"),
    getTranslations("Vocab"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const t = (k: string, values?: Record<string, string>) => tc(`acc.${k}`, values);
  const label = (group: string, labels: Record<string, string>, code: string) =>
    v.has(`${group}.${code}`) ? v(`${group}.${code}`) : labelOf(labels, code);
  const hour = zonedDayFormat(tz, locale, true);
  const facts: [string, string][] = [
    [t("hour"), hour.format(a.hour)],
    [t("place"), a.place],
    [t("userPseudonym"), `${a.user}, ${label("role", ROLE_LABELS, a.userRole)}`],
    [t("agency"), a.agency],
    [
      t("operation"),
      label("operation", OPERATION_LABELS, a.operation) + (a.sharedWith ? ` ${t("with", { who: a.sharedWith })}` : ""),
    ],
    [t("reason"), label("accessReason", ACCESS_REASON_LABELS, a.reason)],
    [t("linked"), a.linkedToCase ? t("yes") : t("no")],
  ];
  return (
    <>
      <p>
        <Link href="/cameras/access-log">{tc("access.back")}</Link>
      </p>
      <h1>{tc("access.h1", { id: a.publicId })}</h1>
      <p className="lede">{tc("access.lede")}</p>
      <ReviewedNotices findings={reviewed.get(a.publicId) ?? []} />
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
      <h2>{tc("access.complaints")}</h2>
      <ComplaintList items={complaints} timeZone={tz} noun="access" />
      <p>
        <Link href={`/feedback/new?target=access:${a.publicId}`}>{tc("access.report")}</Link>
      </p>
    </>
  );
}
