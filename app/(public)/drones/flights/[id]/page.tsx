// One flight's permalink: the published facts and its shortened path on the map.
import Link from "next/link";
import { ComplaintList } from "@/components/content/complaint-list";
import { ReviewedNotices } from "@/components/content/reviewed-notice";
import { complaintsAbout } from "@/db/queries/public/complaints";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures } from "@/components/maps/types";
import { getFlight } from "@/db/queries/public/drones";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { city } from "@/lib/config/city";
import { callFacts } from "@/lib/drones/call-facts";
import { rules } from "@/lib/publish/rules";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";
import { formatPublishedTime } from "../../_lib/format";
import { dronesTitle } from "../../_lib/title";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormatLocale } from "@/lib/format/numbers";

export const generateMetadata = dronesTitle("flight.title");

export default async function FlightPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const f = await getFlight({ publicId: id });
  if (!f) notFound();
  const c = city();
  const dock = c.docks.find((d) => d.slug === f.dockSlug);
  const [d, locale] = await Promise.all([getTranslations("Drones"), getLocale() as Promise<FormatLocale>]);
  const t = (k: string, v?: Record<string, string | number>) => d(`flight.${k}`, v);
  const en = locale === "en" ? undefined : "en";
  const call = callFacts(f, d("log.notPublished"));
  const noCall = f.linkedToCall ? null : t("noCallFigure");
  const outcome =
    f.outcome === null ? d("outcomeSensitive") : d.has(`outcome.${f.outcome}`) ? d(`outcome.${f.outcome}`) : f.outcome;
  const facts: [string, React.ReactNode][] = [
    [d("log.launched"), formatPublishedTime(f.startedAt, f.timePrecision, c.timeZone, locale)],
    [
      d("callType"),
      <>
        {f.linkedToCall ? <span lang={en}>{call.callType}</span> : d("log.noCall")}
        {f.sensitive ? t("sensitive") : ""}
      </>,
    ],
    [d("log.area"), f.areaName ?? d("log.notPublished")],
    [d("log.dock"), f.dockName ? `${f.dockName}, ${f.dockSite}` : d("log.unknown")],
    [d("log.inAir"), String(f.durationMin)],
    [t("fromDispatch"), noCall ?? call.minutesFromDispatch],
    [
      d("firstOnScene"),
      noCall ?? (f.firstOnScene === null ? call.firstOnScene : f.firstOnScene ? d("log.yes") : d("log.no")),
    ],
    [d("outcomeHeader"), outcome],
    [t("linkedFull"), f.linkedToCall ? d("log.yes") : t("notLinked")],
    [t("cell"), f.h3Cell ? t("cellText", { cell: f.h3Cell, res: f.h3Res ?? "" }) : t("noCell")],
  ];
  return (
    <>
      <p>
        <Link href="/drones/flights">{t("back")}</Link>
      </p>
      <h1>{t("h1", { id: f.publicId })}</h1>
      <p className="lede">{t("lede")}</p>
      <ReviewedNotices findings={(await findingsForPublicIds([f.publicId])).get(f.publicId) ?? []} />
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
      <h2>{t("pathHeading")}</h2>
      {f.path ? (
        <p>{t("pathText", { trim: rules.pathTrimMeters, points: rules.pathMaxPoints })}</p>
      ) : (
        <p>{t("noPath", { sensitive: f.sensitive ? "yes" : "no" })}</p>
      )}
      <CityMap
        id="flight-map"
        title={t("mapTitle", { id: f.publicId })}
        areas={areasFromFeatures(c.areas)}
        streets={c.streets}
        path={f.path ? f.path.coordinates.map(([lon, lat]) => ({ lat, lon })) : undefined}
        pathLabel={t("pathLabel")}
        points={
          dock
            ? [{ id: dock.slug, label: `${dock.name} (${dock.site})`, lat: dock.lat, lon: dock.lon, kind: "dock" }]
            : []
        }
        textAlternative="none"
      />
      <h2>{t("questions")}</h2>
      <p>
        {d.rich("flight.report", {
          link: (chunks) => <Link href={`/feedback/new?target=flight:${f.publicId}`}>{chunks}</Link>,
        })}
      </p>
      <h3 id="complaints">{t("complaints")}</h3>
      <ComplaintList
        items={await complaintsAbout({ targetType: "flight", targetRef: f.publicId })}
        timeZone={c.timeZone}
        noun="flight"
      />
    </>
  );
}
