import "server-only";
// What the server starts beside serving pages (instrumentation.ts): the job workers, and on the
// embedded database the local hand-off endpoint the CLI uses while the portal holds the database.
import { dbHandle } from "@/db/client";
import { env } from "@/lib/env";
import { startJobs } from ".";

export function startBackground(): void {
  if (env().DAYLIGHT_JOBS === "off") return;
  startJobs()
    .then(async (queue) => {
      const h = await dbHandle();
      if (h.kind !== "pglite") return;
      const { startHandoffServer } = await import("../handoff/server");
      await startHandoffServer({ db: h.db, queue, dataDir: env().DAYLIGHT_DATA_DIR });
    })
    .catch((e: unknown) => console.error(`Background jobs did not start: ${(e as Error).message}`));
}
