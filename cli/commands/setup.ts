// `daylight setup`: what `npm start` runs before serving. Idempotent: migrate; on an empty
// database load the demo data; publish the read model.
import type { Command } from "commander";
import { sql } from "drizzle-orm";
import { seedDemo } from "../../db/seed";
import { queryRows } from "../../db/sql";
import { city } from "../../lib/config/city";
import { runPublish } from "../../lib/publish/run";
import { appSecrets } from "../../lib/secrets";
import { withDb } from "../db";

export function register(program: Command): void {
  program
    .command("setup")
    .description("Prepare the database for serving: migrate, seed demo data when empty (unless --no-demo), publish.")
    .option("--no-demo", "never load demo data")
    .action(async (opts: { demo: boolean }) => {
      city(); // fail early, with the file and field named, when the city config is invalid
      const secrets = appSecrets();
      await withDb("setup", async (h) => {
        console.log(`Database: ${h.kind === "pglite" ? `embedded (${h.location})` : h.location} — migrated.`);
        const empty = await isEmpty(h.db);
        if (empty && opts.demo) {
          const t = Date.now();
          const r = await seedDemo(h.db, { scale: 1, seed: 20251001, ifEmpty: true });
          console.log(r.summary);
          console.log(`Demo data loaded in ${((Date.now() - t) / 1000).toFixed(1)} s.`);
        } else if (empty) {
          console.log("Database is empty and --no-demo was given: serving with no data.");
        }
        const p = await runPublish(h.db, { pseudonymKey: secrets.pseudonymKey, timeZone: city().timeZone, trigger: "setup" });
        console.log(`Published run ${p.runId} in ${(p.ms / 1000).toFixed(1)} s (${p.cellsSuppressed} cells suppressed).`);
      });
    });
}

async function isEmpty(db: Parameters<typeof seedDemo>[0]): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from programs`);
  return Number(row?.n ?? 0) === 0;
}
