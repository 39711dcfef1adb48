// Home: the pilot at a glance for the last 30 days and since launch, every number from a
// published table, each linked to its page, with "data as of" and the publication delay.
import { dateTimeFormat } from "@/lib/format/intl";
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { intlLocale, type Locale } from "@/i18n/locale";
import { MetricCard } from "@/components/ui";
import { formatCount, formatMinutes } from "@/lib/format/numbers";
import { getHomeSummary, type HomePeriodFigures } from "@/db/queries/public/home";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import { figureText } from "@/lib/rollups";
import { formatDay } from "./drones/_lib/format";

export async function generateMetadata() {
  const t = await getTranslations("Home");
  return { title: t("title") };
}

type T = Awaited<ReturnType<typeof getTranslations<"Home">>>;
type Card = { label: string; value: string; note: string; href: string; linkText: string };

function droneCards(
  p: HomePeriodFigures | undefined,
  period: string,
  baseline: number | null,
  t: T,
  locale: Locale,
): Card[] {
  const tts = p?.medianTimeToScene;
  const baselineText =
    baseline === null
      ? ""
      : locale === "es"
        ? formatMinutes(baseline, "", "es").replace(/ min$/, "")
        : baseline.toFixed(1);
  return [
    {
      label: t("flights"),
      value: figureText(p?.flights, "count", locale),
      note: period,
      href: "/drones/flights",
      linkText: t("flightsLink"),
    },
    {
      label: t("tts"),
      value: figureText(tts, "minutes", locale),
      note: baseline !== null ? t("ttsBaseline", { period, minutes: baselineText }) : period,
      href: "/drones#response",
      linkText: t("ttsLink"),
    },
    {
      label: t("cleared"),
      value: figureText(p?.shareClearedNoPatrol, "share", locale),
      note: t("clearedNote", { period }),
      href: "/drones#outcomes",
      linkText: t("clearedLink"),
    },
  ];
}

const notYet = (label: string, href: string, what: string, t: T): Card => ({
  label,
  value: t("notYet"),
  note: what,
  href,
  linkText: t("goTo", { what: label.toLowerCase() }),
});

type Other = {
  cameras: HomePeriodFigures | undefined;
  alpr: HomePeriodFigures | undefined;
  cso: HomePeriodFigures | undefined;
  published: { cameras: boolean; alpr: boolean; cso: boolean };
};

function otherCards(o: Other, period: string, t: T, locale: Locale): Card[] {
  return [
    o.published.cameras
      ? {
          label: t("accesses"),
          value: figureText(o.cameras?.accesses, "count", locale),
          note: t("accessesNote", { share: figureText(o.cameras?.shareLinkedToCase, "share", locale), period }),
          href: "/cameras/access-log",
          linkText: t("accessesLink"),
        }
      : notYet(t("accesses"), "/cameras", t("accessesNotYet", { period }), t),
    o.published.alpr
      ? {
          label: t("searches"),
          value: figureText(o.alpr?.searches, "count", locale),
          note: period,
          href: "/plate-readers",
          linkText: t("searchesLink"),
        }
      : notYet(t("searches"), "/plate-readers", period, t),
    o.published.cso
      ? {
          label: t("cso"),
          value: figureText(o.cso?.shareNoSworn, "share", locale),
          note: t("csoNote", { calls: figureText(o.cso?.calls, "count", locale), period }),
          href: "/cso",
          linkText: t("csoLink"),
        }
      : notYet(t("cso"), "/cso", period, t),
  ];
}

export default async function Home() {
  await connection();
  const [t, locale] = await Promise.all([getTranslations("Home"), getLocale() as Promise<Locale>]);
  const c = city();
  const s = await getHomeSummary();
  const drones = s.datasets.get("drones");
  const published = { cameras: !!s.cameras, alpr: !!s.alpr, cso: !!s.cso };
  const sections = [
    {
      id: "last30",
      title: t("last30"),
      figures: s.drones?.last30,
      period: t("last30Period"),
      other: { cameras: s.cameras?.last30, alpr: s.alpr?.last30, cso: s.cso?.last30, published },
    },
    {
      id: "since",
      title: t("since", { date: formatDay(new Date(`${c.pilot.start}T12:00:00Z`), "UTC", locale) }),
      figures: s.drones?.sinceLaunch,
      period: t("sincePeriod"),
      other: { cameras: s.cameras?.sinceLaunch, alpr: s.alpr?.sinceLaunch, cso: s.cso?.sinceLaunch, published },
    },
  ];
  return (
    <>
      <h1>{t("heading", { city: c.shortName })}</h1>
      <p className="lede">{t("lede", { min: rules.minCount })}</p>
      <p className="notice" id="as-of">
        {drones ? (
          <>
            {t("asOf", {
              day: formatDay(drones.cutoff, c.timeZone, locale),
              cutoff: dateTimeFormat(intlLocale(locale), {
                timeZone: c.timeZone,
                hour: "numeric",
                minute: "2-digit",
                month: "short",
                day: "numeric",
              }).format(drones.cutoff),
              published: formatDay(drones.publishedAt, c.timeZone, locale),
            })}
          </>
        ) : (
          <>{t("nothingYet")}</>
        )}
        {t("delays", {
          hours: rules.delayHours.droneFlights,
          sensitiveDays: rules.delayHours.droneFlightsSensitive / 24,
          days: rules.delayHours.cameraAccess / 24,
        })}
        <Link href="/data/methodology">{t("howWePublish")}</Link>
      </p>
      {sections.map((sec) => (
        <section key={sec.id} aria-labelledby={`h-${sec.id}`}>
          <h2 id={`h-${sec.id}`}>{sec.title}</h2>
          <ul className="cards">
            {[
              ...droneCards(sec.figures, sec.period, s.drones?.baselineMedianMin ?? null, t, locale),
              ...otherCards(sec.other, sec.period, t, locale),
            ].map((card) => (
              <MetricCard key={card.label} {...card} />
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="h-review">
        <h2 id="h-review">{t("review")}</h2>
        {s.findings ? (
          <p>
            {t.rich("reviewText", {
              open: formatCount(s.findings.openSuppressed ? null : s.findings.open, locale),
              closed: formatCount(s.findings.closedSuppressed ? null : s.findings.closed, locale),
              b: (chunks) => <strong>{chunks}</strong>,
            })}
            <Link href="/council">{t("councilView")}</Link>
          </p>
        ) : (
          <p>{t("reviewNotYet")}</p>
        )}
      </section>
    </>
  );
}
