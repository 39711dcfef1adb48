import "server-only";
// The portal's background jobs. Both read the raw tables as they are when they run, so one run
// after a burst of changes covers them all.
import { recomputeFlags } from "@/server/anomalies/recompute";
import { city } from "@/lib/config/city";
import { publishNow } from "@/server/publish/publish-now";
import { takeCheckpoint } from "@/server/audit/checkpoint";
import type { JobName } from "@/lib/vocab";
import type { JobSpec } from "./types";

export const jobSpecs: Record<JobName, JobSpec> = {
  publish: {
    retryLimit: 3,
    retryDelaySeconds: 30,
    // A publication at scale 100 takes minutes; past two hours something is stuck.
    expireInSeconds: 2 * 60 * 60,
    run: async (db, data, progress) => {
      const s = await publishNow(db, typeof data.trigger === "string" ? data.trigger : "schedule");
      const line = `published run ${s.runId} in ${(s.ms / 1000).toFixed(1)} s (${s.cellsSuppressed} cells suppressed)`;
      progress(line);
      return line;
    },
  },
  "audit-checkpoint": {
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 10 * 60,
    run: async (db, _data, progress) => {
      const cp = await takeCheckpoint(db, { timeZone: city().timeZone, reason: "schedule" });
      const line = cp ? `audit checkpoint: ${cp.rowCount} rows, head #${cp.headId}` : "audit log empty: no checkpoint";
      progress(line);
      return line;
    },
  },
  flags: {
    retryLimit: 3,
    retryDelaySeconds: 30,
    expireInSeconds: 60 * 60,
    run: async (db, _data, progress) => {
      const r = await recomputeFlags(db, { timeZone: city().timeZone });
      const line = `${r.total} anomaly flags`;
      progress(line);
      return line;
    },
  },
};
