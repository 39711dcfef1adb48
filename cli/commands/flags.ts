// `daylight flags`: recompute the review area's anomaly flags from the raw records.
import type { Command } from "commander";
import { recomputeFlags } from "../../server/anomalies/recompute";
import { RULE_TITLES, type RuleName } from "../../lib/anomalies/types";
import { withDb } from "../db";
import { callPortal, jobPrinter, runningPortal } from "../handoff";

export function register(program: Command): void {
  program
    .command("flags")
    .description("Recompute anomaly flags (thresholds in config/anomalies.json) for the review queue.")
    .action(async () => {
      const portal = runningPortal();
      if (portal) {
        console.log(`The portal (pid ${portal.pid}) holds the embedded database: handing the recompute to it.`);
        await callPortal(portal, "/jobs/flags", jobPrinter("Anomaly flags"));
        return;
      }
      await withDb("flags", async (h) => {
        const t0 = Date.now();
        const r = await recomputeFlags(h.db);
        console.log(`Recomputed ${r.total} anomaly flags in ${((Date.now() - t0) / 1000).toFixed(1)} s:`);
        for (const [rule, n] of Object.entries(r.byRule).sort())
          console.log(`  ${String(n).padStart(6)}  ${RULE_TITLES[rule as RuleName] ?? rule}`);
      });
    });
}
