import type { Command } from "commander";
import { rawHeadline } from "../../db/queries/stats";
import { city } from "../../lib/config/city";
import { rules } from "../../lib/publish/rules";
import { fromZoned } from "../../lib/time";
import { withDb } from "../db";
import { CliError } from "../errors";

export function register(program: Command): void {
  program
    .command("stats")
    .description(
      "Headline figures computed from the raw tables as of the latest publication (a cross-check of the public pages).",
    )
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const c = city();
      const [y, m, d] = c.pilot.start.split("-").map(Number);
      const pilotStart = fromZoned({ year: y, month: m, day: d, hour: 0 }, c.timeZone);
      await withDb("stats", async (h) => {
        const s = await rawHeadline({
          db: h.db,
          pilotStart,
          normalDelayHours: rules.delayHours.droneFlights,
          sensitiveDelayHours: rules.delayHours.droneFlightsSensitive,
        });
        if (!s) throw new CliError("Nothing has been published yet: run `daylight publish` first.");
        if (opts.json) console.log(JSON.stringify(s));
        else for (const [k, v] of Object.entries(s)) console.log(`${k.padEnd(34)} ${v}`);
      });
    });
}
