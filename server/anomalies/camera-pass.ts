import "server-only";
// The camera accesses' part of the recompute, one batch or one user at a time: first count
// everyone's hours and days and reduce each user's accesses to their bursts, then flag each
// access, and the bursts over each user's limit once their role's usual burst is known.
import type { DbOrTx } from "../../db/client";
import { eachCameraAccess, eachCameraActivityByUser, type CameraActivity } from "../../db/queries/anomalies/records";
import type { ActivityBaselines } from "../../lib/anomalies/baseline-rules";
import {
  noCaseNumber,
  peerBursts,
  sensitiveSite,
  userBurst,
  userBurstFlags,
  type UserBurst,
} from "../../lib/anomalies/camera-rules";
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { vagueReason, watchList } from "../../lib/anomalies/text-rules";
import type { SensitiveSite } from "../../lib/anomalies/types";
import { runsBy } from "../../lib/anomalies/runs";
import type { FlagSink } from "./flag-sink";

export type UserBursts = Map<number, UserBurst & { role: string }>;

/** First pass: every access into the hour and day baselines, and each user's accesses, in time order, to their bursts. */
export async function countCameraActivity(
  tx: DbOrTx,
  cfg: AnomalyConfig,
  baselines: ActivityBaselines,
  batchSize?: number,
): Promise<UserBursts> {
  const users: UserBursts = new Map();
  // Each user's accesses in time order, from batches ordered by user.
  const perUser = runsBy<CameraActivity, number>(
    (a) => a.personnelId,
    (list) => {
      // A user's role for their peers: that of their first access (by id), as people change jobs.
      let first = list[0];
      for (const a of list) if (a.id < first.id) first = a;
      users.set(first.personnelId, { role: first.role, ...userBurst(list, cfg) });
    },
  );
  await eachCameraActivityByUser({
    tx,
    batchSize,
    onBatch: (rows) => {
      for (const a of rows)
        baselines.add({ recordType: "camera_access", personnelId: a.personnelId, role: a.role, at: a.startedAt });
      for (const a of rows) perUser.add(a);
    },
  });
  perUser.end();
  return users;
}

const OPS = {
  live_view: "viewed live video",
  playback: "played back video",
  export: "exported video",
  share: "shared video",
};

/** Second pass: each access's own rules and its hour and volume baselines. */
export async function flagCameraAccesses(
  tx: DbOrTx,
  o: {
    cfg: AnomalyConfig;
    near: Map<number, { site: SensitiveSite; distanceM: number }>;
    baselines: ActivityBaselines;
    sink: FlagSink;
    batchSize?: number;
  },
): Promise<void> {
  const { cfg, near, baselines, sink, batchSize } = o;
  await eachCameraAccess({
    tx,
    batchSize,
    onBatch: async (rows) => {
      for (const a of rows) {
        sink.push(noCaseNumber(a, cfg));
        sink.push(sensitiveSite(a, near, cfg));
        const reasoned = {
          recordType: "camera_access" as const,
          id: a.id,
          at: a.startedAt,
          operation: OPS[a.operation],
          reason: a.reasonText ?? null,
        };
        sink.push(watchList(reasoned, cfg));
        if (cfg.vagueReason.cameraOperations.includes(a.operation)) sink.push(vagueReason(reasoned, cfg));
        baselines.check(
          { recordType: "camera_access", id: a.id, personnelId: a.personnelId, role: a.role, at: a.startedAt },
          sink.push,
        );
      }
      await sink.drain();
    },
  });
}

/** camera_burst: each user's bursts over their limit. */
export function flagCameraBursts(cfg: AnomalyConfig, users: UserBursts, sink: FlagSink): void {
  const peers = peerBursts(users.values());
  for (const u of users.values()) for (const f of userBurstFlags(u, peers.get(u.role) ?? null, cfg)) sink.push(f);
}
