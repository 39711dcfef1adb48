import "server-only";
// The home page's numbers: the pilot at a glance for the last 30 days and since launch, each
// from a published table. A program whose publisher has not run yet reads as "not yet published".
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubFindingCounts } from "@/db/schema";
import { getDroneMetrics, type DroneMetric } from "./drones";
import { listDatasetsAsOf, type DatasetAsOf } from "./publication";

export type HomeFigure = { value: number | null; suppressed: boolean; kind: "count" | "share" | "minutes" };
export type HomePeriodFigures = Record<string, HomeFigure | undefined>;

const fig = (m: DroneMetric | undefined, kind: HomeFigure["kind"]): HomeFigure | undefined =>
  m ? { value: m.value, suppressed: m.suppressed, kind } : undefined;

export type HomeSummary = {
  datasets: Map<string, DatasetAsOf>;
  drones: { last30: HomePeriodFigures; sinceLaunch: HomePeriodFigures; baselineMedianMin: number | null } | null;
  findings: { open: number | null; closed: number | null; openSuppressed: boolean; closedSuppressed: boolean } | null;
};

export async function getHomeSummary({ db }: { db?: DbOrTx } = {}): Promise<HomeSummary> {
  const d = db ?? (await getDb());
  const [datasets, metrics, findings] = await Promise.all([
    listDatasetsAsOf({ db: d }),
    getDroneMetrics({ db: d }),
    d.select().from(pubFindingCounts).where(eq(pubFindingCounts.findingType, "*")),
  ]);
  const ds = new Map(datasets.map((x) => [x.dataset, x]));
  const period = (p: string): HomePeriodFigures => ({
    flights: fig(metrics.get(`${p}.flights`), "count"),
    medianTimeToScene: fig(metrics.get(`${p}.median_time_to_scene_min`), "minutes"),
    shareClearedNoPatrol: fig(metrics.get(`${p}.share_cleared_no_patrol`), "share"),
    shareFirstOnScene: fig(metrics.get(`${p}.share_first_on_scene`), "share"),
  });
  const open = findings.find((f) => f.status === "open");
  const closed = findings.find((f) => f.status === "closed");
  return {
    datasets: ds,
    drones: ds.has("drones") ? { last30: period("last30"), sinceLaunch: period("since_launch"), baselineMedianMin: metrics.get("baseline.median_time_to_scene_min")?.value ?? null } : null,
    findings: ds.has("findings") ? { open: open?.count ?? 0, closed: closed?.count ?? 0, openSuppressed: !!open?.suppressed, closedSuppressed: !!closed?.suppressed } : null,
  };
}
