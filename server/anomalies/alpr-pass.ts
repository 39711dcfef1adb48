import "server-only";
// The plate searches' part of the recompute, one batch at a time: count everyone's hours and days,
// then flag each search, then the plates several users searched, one plate at a time.
import type { DbOrTx } from "../../db/client";
import { eachSearch, eachSearchActivity, eachSharedPlateSearch } from "../../db/queries/anomalies/records";
import { alprNoCaseNumber, sharedPlate, wideSearch } from "../../lib/anomalies/alpr-rules";
import type { ActivityBaselines } from "../../lib/anomalies/baseline-rules";
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { vagueReason, watchList } from "../../lib/anomalies/text-rules";
import type { AlprSearch } from "../../lib/anomalies/types";
import { runsBy } from "../../lib/anomalies/runs";
import type { FlagSink } from "./flag-sink";

/** First pass: every search into the hour and day baselines. */
export async function countSearchActivity(tx: DbOrTx, baselines: ActivityBaselines, batchSize?: number): Promise<void> {
  await eachSearchActivity({
    tx,
    batchSize,
    onBatch: (rows) => {
      for (const s of rows)
        baselines.add({ recordType: "alpr_search", personnelId: s.personnelId, role: s.role, at: s.searchedAt });
    },
  });
}

/** Second pass: each search's own rules and its hour and volume baselines. */
export async function flagSearches(
  tx: DbOrTx,
  o: {
    cfg: AnomalyConfig;
    homeAgencyIds: Set<number>;
    baselines: ActivityBaselines;
    sink: FlagSink;
    batchSize?: number;
  },
): Promise<void> {
  const { cfg, homeAgencyIds, baselines, sink, batchSize } = o;
  await eachSearch({
    tx,
    batchSize,
    onBatch: async (rows) => {
      for (const s of rows) {
        sink.push(alprNoCaseNumber(s, cfg, homeAgencyIds));
        sink.push(wideSearch(s, cfg));
        const reasoned = {
          recordType: "alpr_search" as const,
          id: s.id,
          at: s.searchedAt,
          operation: "searched plate-reader data",
          reason: s.reason ?? null,
          offense: s.offenseType ?? null,
        };
        sink.push(vagueReason(reasoned, cfg));
        sink.push(watchList(reasoned, cfg));
        baselines.check(
          { recordType: "alpr_search", id: s.id, personnelId: s.personnelId, role: s.role, at: s.searchedAt },
          sink.push,
        );
      }
      await sink.drain();
    },
  });
}

/** shared_plate, one plate at a time, over the plates enough different users searched. */
export async function flagSharedPlates(
  tx: DbOrTx,
  cfg: AnomalyConfig,
  sink: FlagSink,
  batchSize?: number,
): Promise<void> {
  const plates = runsBy<AlprSearch, AlprSearch["plateHmac"]>(
    (s) => s.plateHmac,
    (plate) => {
      for (const f of sharedPlate(plate, cfg)) sink.push(f);
    },
  );
  await eachSharedPlateSearch({
    tx,
    batchSize,
    minUsers: cfg.sharedPlate.minUsers,
    onBatch: async (rows) => {
      for (const s of rows) plates.add(s);
      await sink.drain();
    },
  });
  plates.end();
}
