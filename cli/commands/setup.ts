// `daylight setup`: what `npm start` runs before serving. Idempotent: migrate; on an empty
// database load the demo data; install or update the city's reference data from its config; recompute anomaly flags; publish; checkpoint the audit chain.
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { seedDemo } from "../../server/seed";
import { queryRows } from "../../db/sql";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { takeCheckpoint } from "../../server/audit/checkpoint";
import { city } from "../../lib/config/city";
import { env } from "../../lib/env";
import { plantCanaries } from "../../server/publish/canaries";
import { publishNow } from "../../server/publish/publish-now";
import { setUpCity } from "../../server/setup";
import { withDb } from "../db";
import { publishProgress } from "./publish";
import { seedProgress } from "./seed";

export function register(program: Command): void {
  program
    .command("setup")
    .description(
      "Prepare the database for serving: migrate, seed demo data when empty (unless --no-demo), flag, publish.",
    )
    .option("--no-demo", "never load demo data")
    .option(
      "--no-publish",
      "leave the flag recompute and the publication to the server's background jobs (what `npm start` does)",
    )
    .action(async (opts: { demo: boolean; publish: boolean }) => {
      const c = city(); // fail early, with the file and field named, when the city config is invalid
      await withDb("setup", async (h) => {
        console.log(`Database: ${h.kind === "pglite" ? `embedded (${h.location})` : h.location} — migrated.`);
        if (await isEmpty(h.db)) {
          if (opts.demo) {
            const shown = seedProgress(1);
            const r = await seedDemo(h.db, { scale: 1, seed: 20251001, ifEmpty: true, progress: shown.progress });
            shown.clear();
            console.log(r.summary);
            // Test servers only: known values the leak test must never find on a public page.
            if (env().DAYLIGHT_E2E_CANARIES === "1") {
              await plantCanaries(h.db);
              console.log("Planted leak-test canaries (DAYLIGHT_E2E_CANARIES=1).");
            }
          } else {
            console.log("Database is empty and --no-demo was given: installing the city's reference data only.");
          }
        }
        // The city's reference data follows its config file on every run (the demo seed wrote the same).
        const changes = await setUpCity(h.db, c);
        console.log(
          changes.length
            ? `Reference data for ${c.name}: ${changes.length} change${changes.length === 1 ? "" : "s"}:\n${changes.map((l) => `  ${l}`).join("\n")}`
            : `Reference data for ${c.name}: up to date with its config.`,
        );
        if (c.sensitiveSites.length)
          console.log(
            `Sensitive sites: ${c.sensitiveSites.length} (read from the config at each publication; never stored or published).`,
          );
        if (!opts.publish) {
          await takeCheckpoint(h.db, { timeZone: c.timeZone });
          console.log("Anomaly flags and publication: left to the server, which runs them as background jobs.");
          return;
        }
        const flags = await recomputeFlags(h.db, { timeZone: c.timeZone });
        console.log(`Anomaly flags: ${flags.total}.`);
        const shown = publishProgress();
        const p = await publishNow(h.db, "setup", undefined, shown.progress);
        shown.clear();
        console.log(
          `Published run ${p.runId} in ${(p.ms / 1000).toFixed(1)} s (${p.cellsSuppressed} cells suppressed).`,
        );
        await takeCheckpoint(h.db, { timeZone: c.timeZone });
      });
    });
}

async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from programs`);
  return Number(row?.n ?? 0) === 0;
}
