// Home: the pilot at a glance for the last 30 days and since launch, every number from a
// published table, each linked to its page, with "data as of" and the publication delay.
import { dateTimeFormat } from "@/lib/format/intl";
import Link from "next/link";
import { connection } from "next/server";
import { MetricCard } from "@/components/ui";
import { formatCount } from "@/lib/format/numbers";
import { getHomeSummary, type HomePeriodFigures } from "@/db/queries/public/home";
import { city } from "@/lib/config/city";
import { rules } from "@/lib/publish/rules";
import { figureText, formatDay } from "./drones/_lib/format";

export const metadata = { title: "Daylight: the pilot at a glance" };

type Card = { label: string; value: string; note: string; href: string; linkText: string };

function droneCards(p: HomePeriodFigures | undefined, period: string, baseline: number | null): Card[] {
  const tts = p?.medianTimeToScene;
  return [
    {
      label: "Drone flights",
      value: figureText(p?.flights, "count"),
      note: period,
      href: "/drones/flights",
      linkText: "See the flight log",
    },
    {
      label: "Median time to scene",
      value: figureText(tts, "minutes"),
      note: baseline !== null ? `${period}; patrol before the pilot: ${baseline.toFixed(1)} min` : period,
      href: "/drones#response",
      linkText: "Response times",
    },
    {
      label: "Calls cleared without a patrol unit",
      value: figureText(p?.shareClearedNoPatrol, "share"),
      note: `share of drone flights, ${period}`,
      href: "/drones#outcomes",
      linkText: "Flight outcomes",
    },
  ];
}

const notYet = (label: string, href: string, what: string): Card => ({
  label,
  value: "not yet published",
  note: what,
  href,
  linkText: `Go to ${label.toLowerCase()}`,
});

type Other = {
  cameras: HomePeriodFigures | undefined;
  alpr: HomePeriodFigures | undefined;
  cso: HomePeriodFigures | undefined;
  published: { cameras: boolean; alpr: boolean; cso: boolean };
};

function otherCards(o: Other, period: string): Card[] {
  return [
    o.published.cameras
      ? {
          label: "Camera accesses",
          value: figureText(o.cameras?.accesses, "count"),
          note: `${figureText(o.cameras?.shareLinkedToCase, "share")} linked to a case, ${period}`,
          href: "/cameras/access-log",
          linkText: "Camera access log",
        }
      : notYet("Camera accesses", "/cameras", `and the share linked to a case, ${period}`),
    o.published.alpr
      ? {
          label: "Plate-reader searches",
          value: figureText(o.alpr?.searches, "count"),
          note: period,
          href: "/plate-readers",
          linkText: "Plate-reader searches",
        }
      : notYet("Plate-reader searches", "/plate-readers", period),
    o.published.cso
      ? {
          label: "CSO calls handled without sworn response",
          value: figureText(o.cso?.shareNoSworn, "share"),
          note: `of ${figureText(o.cso?.calls, "count")} CSO calls, ${period}`,
          href: "/cso",
          linkText: "Community Safety Officers",
        }
      : notYet("CSO calls handled without sworn response", "/cso", period),
  ];
}

export default async function Home() {
  await connection();
  const c = city();
  const s = await getHomeSummary();
  const drones = s.datasets.get("drones");
  const published = { cameras: !!s.cameras, alpr: !!s.alpr, cso: !!s.cso };
  const sections = [
    {
      id: "last30",
      title: "Last 30 days",
      figures: s.drones?.last30,
      period: "last 30 days published",
      other: { cameras: s.cameras?.last30, alpr: s.alpr?.last30, cso: s.cso?.last30, published },
    },
    {
      id: "since",
      title: `Since launch (${formatDay(new Date(`${c.pilot.start}T12:00:00Z`), "UTC")})`,
      figures: s.drones?.sinceLaunch,
      period: "since launch",
      other: { cameras: s.cameras?.sinceLaunch, alpr: s.alpr?.sinceLaunch, cso: s.cso?.sinceLaunch, published },
    },
  ];
  return (
    <>
      <h1>{c.shortName}&rsquo;s public-safety technology pilot at a glance</h1>
      <p className="lede">
        What the city&rsquo;s drones, cameras, plate readers and Community Safety Officers did, from the published
        records. No names, case numbers or exact places are published; counts of fewer than {rules.minCount} are shown
        as &ldquo;fewer than {rules.minCount}&rdquo;.
      </p>
      <p className="notice" id="as-of">
        {drones ? (
          <>
            Data as of {formatDay(drones.cutoff, c.timeZone)} (
            {dateTimeFormat("en-US", {
              timeZone: c.timeZone,
              hour: "numeric",
              minute: "2-digit",
              month: "short",
              day: "numeric",
            }).format(drones.cutoff)}
            ), published {formatDay(drones.publishedAt, c.timeZone)}.{" "}
          </>
        ) : (
          <>Nothing has been published yet. </>
        )}
        Drone flights appear {rules.delayHours.droneFlights} hours after they end (
        {rules.delayHours.droneFlightsSensitive / 24} days for sensitive calls); camera accesses, plate-reader searches
        and CSO activity after {rules.delayHours.cameraAccess / 24} days.{" "}
        <Link href="/data/methodology">How we publish</Link>
      </p>
      {sections.map((sec) => (
        <section key={sec.id} aria-labelledby={`h-${sec.id}`}>
          <h2 id={`h-${sec.id}`}>{sec.title}</h2>
          <ul className="cards">
            {[
              ...droneCards(sec.figures, sec.period, s.drones?.baselineMedianMin ?? null),
              ...otherCards(sec.other, sec.period),
            ].map((card) => (
              <MetricCard key={card.label} {...card} />
            ))}
          </ul>
        </section>
      ))}
      <section aria-labelledby="h-review">
        <h2 id="h-review">Oversight review</h2>
        {s.findings ? (
          <p>
            Council staff review flagged flights and camera accesses. Findings open:{" "}
            <strong>{formatCount(s.findings.openSuppressed ? null : s.findings.open)}</strong>; closed:{" "}
            <strong>{formatCount(s.findings.closedSuppressed ? null : s.findings.closed)}</strong>.{" "}
            <Link href="/council">Council view</Link>
          </p>
        ) : (
          <p>Review findings are not yet published.</p>
        )}
      </section>
    </>
  );
}
