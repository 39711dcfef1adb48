import "server-only";
// The home page's numbers: the pilot at a glance for the last 30 days and since launch, each
// from a published table. A program whose publisher has not run yet reads as "not yet published".
import { getDb, type DbOrTx } from "@/db/client";
import { perPublicationReader } from "./cached-reader";
import { findingsSummary, type FindingsSummary } from "./findings";
import { getMetrics, type Metric } from "./rollups";
import { listDatasetsAsOf, type DatasetAsOf } from "./publication";

export type HomeFigure = { value: number | null; suppressed: boolean; kind: "count" | "share" | "minutes" };
export type HomePeriodFigures = Record<string, HomeFigure | undefined>;

type AnyMetric = Pick<Metric, "value" | "suppressed">;
const fig = (m: AnyMetric | undefined, kind: HomeFigure["kind"]): HomeFigure | undefined =>
  m ? { value: m.value, suppressed: m.suppressed, kind } : undefined;

export type HomeSummary = {
  datasets: Map<string, DatasetAsOf>;
  drones: { last30: HomePeriodFigures; sinceLaunch: HomePeriodFigures; baselineMedianMin: number | null } | null;
  /** Camera accesses, plate-reader searches and CSO calls; null until that publisher has run. */
  cameras: { last30: HomePeriodFigures; sinceLaunch: HomePeriodFigures } | null;
  alpr: { last30: HomePeriodFigures; sinceLaunch: HomePeriodFigures } | null;
  cso: { last30: HomePeriodFigures; sinceLaunch: HomePeriodFigures } | null;
  /** From pub_findings (closed, by outcome) and pub_finding_counts (open); null until published. */
  findings: FindingsSummary | null;
};

async function getHomeSummaryUncached({ db }: { db?: DbOrTx } = {}): Promise<HomeSummary> {
  const d = db ?? (await getDb());
  const [datasets, metrics, findings, cam, alpr, cso] = await Promise.all([
    listDatasetsAsOf({ db: d }),
    getMetrics({ dataset: "drones", db: d }),
    findingsSummary({ db: d }),
    getMetrics({ dataset: "cameras", db: d }),
    getMetrics({ dataset: "alpr", db: d }),
    getMetrics({ dataset: "cso", db: d }),
  ]);
  const camM = cam;
  const alprM = alpr;
  const both = (f: (p: string) => HomePeriodFigures) => ({ last30: f("last30"), sinceLaunch: f("since_launch") });
  const ds = new Map(datasets.map((x) => [x.dataset, x]));
  const period = (p: string): HomePeriodFigures => ({
    flights: fig(metrics.get(`${p}.flights`), "count"),
    medianTimeToScene: fig(metrics.get(`${p}.median_time_to_scene_min`), "minutes"),
    shareClearedNoPatrol: fig(metrics.get(`${p}.share_cleared_no_patrol`), "share"),
    shareFirstOnScene: fig(metrics.get(`${p}.share_first_on_scene`), "share"),
  });
  return {
    datasets: ds,
    drones: ds.has("drones")
      ? {
          last30: period("last30"),
          sinceLaunch: period("since_launch"),
          baselineMedianMin: metrics.get("baseline.median_time_to_scene_min")?.value ?? null,
        }
      : null,
    cameras: ds.has("cameras")
      ? both((p) => ({
          accesses: fig(camM.get(`${p}.accesses`), "count"),
          shareLinkedToCase: fig(camM.get(`${p}.share_linked_to_case`), "share"),
        }))
      : null,
    alpr: ds.has("alpr") ? both((p) => ({ searches: fig(alprM.get(`${p}.searches`), "count") })) : null,
    cso: ds.has("cso")
      ? both((p) => ({
          calls: fig(cso.get(`${p}.calls`), "count"),
          shareNoSworn: fig(cso.get(`${p}.share_no_sworn`), "share"),
        }))
      : null,
    findings: ds.has("findings") ? findings : null,
  };
}
export const getHomeSummary = perPublicationReader("home.getHomeSummary", getHomeSummaryUncached);
