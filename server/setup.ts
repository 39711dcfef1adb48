import "server-only";
// Setting a city up from its config: reference data in one transaction, audited, with a line per
// change so that re-running after editing the config shows what it did.
import type { Db } from "../db/client";
import { installCityReference } from "./seed/install";
import { appendAudit } from "./audit/log";
import type { CityConfig } from "../lib/config/city";

export async function setUpCity(db: Db, c: CityConfig, actorLabel = "daylight setup"): Promise<string[]> {
  return db.transaction(async (tx) => {
    const changes = await installCityReference(tx, c);
    if (changes.length)
      await appendAudit(tx, {
        actorType: "cli",
        actorLabel,
        action: "setup.reference",
        targetType: "city",
        targetId: c.shortName,
        details: { changes: changes.slice(0, 200), total: changes.length },
      });
    return changes;
  });
}
