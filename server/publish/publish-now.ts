import "server-only";
// Publishing with this deployment's secrets and city: what the CLI, imports and the schedule call.
import type { Db } from "../../db/client";
import { city } from "../../lib/config/city";
import { appSecrets } from "../../lib/secrets";
import { runPublish, type PublishSummary } from "./run";

export async function publishNow(db: Db, trigger: string, asOf?: Date): Promise<PublishSummary> {
  return runPublish(db, { pseudonymKey: appSecrets().pseudonymKey, timeZone: city().timeZone, trigger, asOf });
}
