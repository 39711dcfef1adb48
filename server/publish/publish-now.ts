import "server-only";
// Publishing with this deployment's secrets and city: what the CLI, imports and the schedule call.
import type { Db } from "../../db/client";
import { city } from "../../lib/config/city";
import { appSecrets } from "../../lib/secrets";
import { takeCheckpoint } from "../audit/checkpoint";
import { runPublish, type PublishOptions, type PublishSummary } from "./run";

/** Publishes, then records a signed audit checkpoint (every publication vouches for the log so far). */
export async function publishNow(
  db: Db,
  trigger: string,
  asOf?: Date,
  onProgress?: PublishOptions["onProgress"],
  opts: { full?: boolean } = {},
): Promise<PublishSummary> {
  const s = await runPublish(db, {
    pseudonymKey: appSecrets().pseudonymKey,
    timeZone: city().timeZone,
    trigger,
    asOf,
    onProgress,
    full: opts.full,
  });
  await takeCheckpoint(db, { timeZone: city().timeZone, reason: "publish" });
  return s;
}
