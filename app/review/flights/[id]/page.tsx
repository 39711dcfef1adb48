import { QueueNav } from "../../_components/queue-nav";
import { flattenParams } from "@/components/tables";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { CityMap } from "@/components/maps/city-map";
import { areasFromFeatures, type MapPoint } from "@/components/maps/types";
import { getDb } from "@/db/client";
import { recordFindings, recordHistory, STATUS_LABELS } from "@/db/queries/review/common";
import { getFlight } from "@/db/queries/review/flights";
import { requireRolePage } from "@/server/auth/dal";
import { city } from "@/lib/config/city";
import { fmtDateTime, humanize, idParam } from "../../_lib/format";
import { auditView } from "../../_lib/view-audit";
import { FlagExplanations } from "../../_components/flag-list";
import { WorkflowPanel } from "../../_components/workflow-panel";
import styles from "../../review.module.css";

export const metadata: Metadata = { title: "Drone flight — Daylight review" };

export default async function FlightPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const id = idParam((await params).id);
  if (!id) notFound();
  const db = await getDb();
  const f = await getFlight(db, id);
  if (!f) notFound();
  const [history, findings] = await Promise.all([
    recordHistory(db, "drone_flight", id),
    recordFindings(db, "drone_flight", id),
  ]);
  await auditView(user, { targetType: "drone_flight", targetId: String(id) });
  const path = (f.path?.coordinates ?? []).map(([lon, lat]) => ({ lat, lon }));
  const points: MapPoint[] = [];
  if (f.dockLat !== null && f.dockLon !== null)
    points.push({ id: "dock", label: `Launch dock: ${f.dockName}`, lat: f.dockLat, lon: f.dockLon, kind: "dock" });
  if (f.destLat !== null && f.destLon !== null)
    points.push({
      id: "dest",
      label: `Destination (call location) ${f.destLat.toFixed(5)}, ${f.destLon.toFixed(5)}`,
      lat: f.destLat,
      lon: f.destLon,
      kind: "other",
    });
  const mins = Math.round((f.landedAt.getTime() - f.launchedAt.getTime()) / 60000);
  return (
    <>
      <p>
        <Link href="/review/flights">← All flights</Link>
      </p>
      <QueueNav recordType="drone_flight" recordId={id} params={flattenParams(await searchParams)} />
      <h1>Drone flight #{f.id}</h1>
      <p>
        State: <span className={styles.status}>{STATUS_LABELS[f.status ?? "none"]}</span>
      </p>
      <h2>Why it is flagged</h2>
      <FlagExplanations flags={f.flags} />
      <div className={styles.grid}>
        <section aria-labelledby="facts-h">
          <h2 id="facts-h">The flight</h2>
          <dl className={styles.facts}>
            <dt>Call for service</dt>
            <dd>
              {f.callNumber || <em>none linked</em>}
              {f.callTypeRaw ? ` (${f.callTypeRaw})` : ""}
            </dd>
            <dt>Category</dt>
            <dd>
              {f.categoryLabel}
              {f.sensitive ? " — sensitive" : ""}
              {f.priority ? `, priority ${f.priority}` : ""}
            </dd>
            <dt>Pilot</dt>
            <dd>{f.pilotName ?? "—"}</dd>
            <dt>Dock</dt>
            <dd>{f.dockName ?? "—"}</dd>
            <dt>Dispatched</dt>
            <dd>{fmtDateTime(f.dispatchedAt)}</dd>
            <dt>Launched</dt>
            <dd>{fmtDateTime(f.launchedAt)}</dd>
            <dt>On scene</dt>
            <dd>{fmtDateTime(f.onSceneAt)}</dd>
            <dt>Landed</dt>
            <dd>
              {fmtDateTime(f.landedAt)} ({mins} minutes)
            </dd>
            <dt>Distance flown</dt>
            <dd>{f.distanceFlownM ? `${(f.distanceFlownM / 1000).toFixed(2)} km` : "—"}</dd>
            <dt>Destination</dt>
            <dd>{f.destLat !== null ? `${f.destLat.toFixed(5)}, ${f.destLon?.toFixed(5)}` : "—"}</dd>
            <dt>Outcome</dt>
            <dd>
              {humanize(f.outcome)}
              {f.firstOnScene ? ", first on scene" : ""}
            </dd>
            <dt>Footage kept</dt>
            <dd>{f.footageRetained ? "Yes" : "No"}</dd>
            <dt>Vendor notes</dt>
            <dd>{f.description ?? "—"}</dd>
            <dt>Source</dt>
            <dd>
              {f.source} / {f.externalId}
            </dd>
          </dl>
        </section>
        <CityMap
          id="raw-flight"
          title={`Recorded path of flight #${f.id} (raw, with destination)`}
          areas={areasFromFeatures(city().areas)}
          path={path}
          pathLabel="Recorded path (raw)"
          points={points}
          textAlternative="details"
        />
      </div>
      <WorkflowPanel
        user={user}
        recordType="drone_flight"
        recordId={f.id}
        rules={f.flags.map((x) => x.rule)}
        history={history}
        findings={findings}
      />
    </>
  );
}
