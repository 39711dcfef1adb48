import "server-only";
// `recomputeFlags(db)`: run every rule over the raw records and bring anomaly_flags, and the review
// queue's summary table (review_queue) with them, up to date in one transaction. Called by `daylight
// flags`, setup and imports. Reviewer actions are keyed by record, not by flag, so recomputing never
// loses review history.
//
// It never holds the whole dataset: the big tables are read through cursors a batch at a time,
// twice (first the counts the per-person baselines and camera bursts need, then each record's
// flags), shared plates one plate and long flights one call category at a time, and flags go to
// a temporary table as they come. The old way (every record and every flag in arrays) peaked at
// 2.5 to 3.2 GB at scale 100 and took about 10 GB of heap and 16 minutes for a large city's 13
// million records; this one 0.56 GB and 0.9 GB (2.7 minutes) peak RSS.
//
// The reads happen inside the transaction that swaps the results in (a cursor and the temporary
// table live only in one). It stays read committed, as the review queue's rebuild expects: each
// pass is one statement with its own snapshot, so a record an import commits between the passes is
// judged against baselines counted without it; that import's own recompute follows. The
// transaction is held for the whole run, which keeps vacuum from reclaiming rows meanwhile.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { applyNextFlags, countNextFlags, createNextFlags } from "../../db/queries/anomalies/flags-next";
import { anomalyReference } from "../../db/queries/anomalies/records";
import { rebuildReviewQueue } from "../../db/queries/review/queue-summary";
import { appendAudit } from "../audit/log";
import { city } from "../../lib/config/city";
import { ActivityBaselines } from "../../lib/anomalies/baseline-rules";
import { camerasNearSites } from "../../lib/anomalies/camera-rules";
import { loadAnomalyConfig, type AnomalyConfig } from "../../lib/anomalies/config";
import type { SensitiveSite } from "../../lib/anomalies/types";
import { countSearchActivity, flagSearches, flagSharedPlates } from "./alpr-pass";
import { countCameraActivity, flagCameraAccesses, flagCameraBursts } from "./camera-pass";
import { FlagSink } from "./flag-sink";
import { flagFlights } from "./flight-pass";

export type RecomputeOptions = {
  config?: AnomalyConfig;
  timeZone?: string;
  sensitiveSites?: SensitiveSite[];
  homeAgencyName?: string;
  /** Rows per read of the big tables (default 50,000): tests set it small to cross batch boundaries. */
  batchSize?: number;
};
export type RecomputeResult = { total: number; byRule: Record<string, number> };

export async function recomputeFlags(db: DbOrTx, opts: RecomputeOptions = {}): Promise<RecomputeResult> {
  const cfg = opts.config ?? loadAnomalyConfig();
  const c = opts.timeZone && opts.sensitiveSites && opts.homeAgencyName ? null : city();
  const timeZone = opts.timeZone ?? c!.timeZone;
  const sites = opts.sensitiveSites ?? c!.sensitiveSites;
  const homeKey = (opts.homeAgencyName ?? c!.lawEnforcementAgency).trim().toLowerCase();
  const { batchSize } = opts;

  const result = await db.transaction(async (tx) => {
    await createNextFlags({ tx });
    const sink = new FlagSink(tx, new Date());
    const ref = await anomalyReference({ tx });
    const near = camerasNearSites(
      // A camera whose location is unknown (added from an access log) cannot be near anything yet.
      ref.cameras.filter((c): c is typeof c & { lat: number; lon: number } => c.lat !== null && c.lon !== null),
      sites,
      cfg,
    );
    const homeAgencyIds = new Set(
      ref.agencies.filter((a) => a.nameKey === homeKey || a.kind === "city").map((a) => a.id),
    );

    // Per-person baselines over everything a person did with cameras and plate readers: counted
    // over both tables before either is flagged.
    const baselines = new ActivityBaselines(cfg, timeZone);
    const bursts = await countCameraActivity(tx, cfg, baselines, batchSize);
    await countSearchActivity(tx, baselines, batchSize);

    await flagCameraAccesses(tx, { cfg, near, baselines, sink, batchSize });
    flagCameraBursts(cfg, bursts, sink);
    await flagSearches(tx, { cfg, homeAgencyIds, baselines, sink, batchSize });
    await flagSharedPlates(tx, cfg, sink, batchSize);
    await flagFlights(tx, {
      cfg,
      docks: new Map(ref.docks.map((d) => [d.id, d])),
      labels: new Map(ref.categories.map((c) => [c.code, c.label])),
      sink,
      batchSize,
    });
    await sink.flush();

    const byRule = await countNextFlags({ tx });
    const total = Object.values(byRule).reduce((a, b) => a + b, 0);
    await applyNextFlags({ tx });
    // The queue's narrow read model follows the flags in the same transaction (scores from this config's weights).
    await rebuildReviewQueue(tx, cfg.weights);
    await appendAudit(tx, {
      actorType: "system",
      actorLabel: "anomaly rules",
      action: "flags.recompute",
      details: { total, byRule },
    });
    return { total, byRule };
  });
  // Fresh statistics for the review queue's plans: after a first recompute at scale 100 the planner
  // still took anomaly_flags for empty, and a count over it ran for minutes instead of 1.3 s.
  await db.execute(sql`analyze anomaly_flags`);
  await db.execute(sql`analyze review_queue`);
  return result;
}
