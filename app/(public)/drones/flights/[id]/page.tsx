// One flight's permalink: the published facts and its shortened path on the map.
import Link from "next/link";
import { ComplaintList } from "@/components/content/complaint-list";
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
import { formatPublishedTime, outcomeText } from "../../_lib/format";

export const metadata = { title: "Drone flight | Daylight" };

export default async function FlightPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const f = await getFlight({ publicId: id });
  if (!f) notFound();
  const c = city();
  const dock = c.docks.find((d) => d.slug === f.dockSlug);
  const call = callFacts(f, "not published");
  const noCall = f.linkedToCall ? null : "none (no call for service)";
  const facts: [string, string][] = [
    ["Launched", formatPublishedTime(f.startedAt, f.timePrecision, c.timeZone)],
    ["Call type", call.callType + (f.sensitive ? " (sensitive: day, dock, duration and call type only)" : "")],
    ["Area", f.areaName ?? "not published"],
    ["Dock", f.dockName ? `${f.dockName}, ${f.dockSite}` : "unknown"],
    ["Minutes in the air", String(f.durationMin)],
    ["Minutes from dispatch to scene", noCall ?? call.minutesFromDispatch],
    ["Drone first on scene", noCall ?? call.firstOnScene],
    ["Outcome", outcomeText(f.outcome)],
    ["Linked to a call for service", f.linkedToCall ? "Yes" : "No (reviewed by council staff)"],
    ["Scene cell", f.h3Cell ? `H3 cell ${f.h3Cell} (resolution ${f.h3Res})` : "not published (too few flights nearby)"],
  ];
  return (
    <>
      <p>
        <Link href="/drones/flights">← Flight log</Link>
      </p>
      <h1>Drone flight {f.publicId}</h1>
      <p className="lede">This page&rsquo;s address stays the same in every publication, so it can be cited.</p>
      {((await findingsForPublicIds([f.publicId])).get(f.publicId) ?? []).map((r) => (
        <p key={r.number} className="notice">
          Reviewed: {r.outcomeLabel} — see <Link href={`/findings#finding-${r.number}`}>finding #{r.number}</Link>.
        </p>
      ))}
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
      <h2>Path</h2>
      {f.path ? (
        <p>
          The recorded path, shortened to stop {rules.pathTrimMeters} m before the scene and simplified to at most{" "}
          {rules.pathMaxPoints} points.
        </p>
      ) : (
        <p>
          No path is published for this flight
          {f.sensitive ? " (sensitive call)" : " (too short once the approach to the scene is removed)"}.
        </p>
      )}
      <CityMap
        id="flight-map"
        title={`Published path of flight ${f.publicId}`}
        areas={areasFromFeatures(c.areas)}
        streets={c.streets}
        path={f.path ? f.path.coordinates.map(([lon, lat]) => ({ lat, lon })) : undefined}
        pathLabel="Published path (shortened)"
        points={
          dock
            ? [{ id: dock.slug, label: `${dock.name} (${dock.site})`, lat: dock.lat, lon: dock.lon, kind: "dock" }]
            : []
        }
        textAlternative="none"
      />
      <h2>Questions about this flight?</h2>
      <p>
        <Link href={`/feedback/new?target=flight:${f.publicId}`}>Report a concern about this flight</Link>. No account
        is needed; contact details are optional and never published.
      </p>
      <h3 id="complaints">Complaints about this flight</h3>
      <ComplaintList
        items={await complaintsAbout({ targetType: "flight", targetRef: f.publicId })}
        timeZone={c.timeZone}
        noun="flight"
      />
    </>
  );
}
