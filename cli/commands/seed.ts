import type { Command } from "commander";
import { z } from "zod";
import { expectedSeedRows, seedDemo } from "../../server/seed";
import { SEED_PROFILES, type SeedProfile } from "../../server/seed/profiles";
import { progressLine } from "../../lib/format/progress";
import { progress } from "../progress";
import { withDb } from "../db";
import { CliError } from "../errors";

const options = z.object({
  scale: z.coerce.number().positive("--scale must be a positive number").max(1000, "--scale must be at most 1000"),
  seed: z.coerce.number().int("--seed must be an integer"),
  profile: z.enum(SEED_PROFILES, { error: `--profile must be one of: ${SEED_PROFILES.join(", ")}` }),
  ifEmpty: z.boolean().optional(),
  reset: z.boolean().optional(),
});

export function register(program: Command): void {
  program
    .command("seed")
    .description("Fill the database with deterministic demo data for the configured city.")
    .option("--scale <n>", "multiply event volumes (flights, accesses, searches, CSO calls)", "1")
    .option("--seed <s>", "random seed: the same seed gives the same rows", "20251001")
    .option(
      "--profile <name>",
      "volumes per unit of scale: pilot (a small city's year) or large-city (about 4 million residents: 10M plate searches, 3M camera accesses, 30k flights a year)",
      "pilot",
    )
    .option("--if-empty", "do nothing when the database already has data")
    .option("--reset", "delete existing demo and event data first")
    .action(async (raw) => {
      const parsed = options.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      await withDb("seed", async (h) => {
        const shown = seedProgress(parsed.data.scale, parsed.data.profile);
        const result = await seedDemo(h.db, { ...parsed.data, progress: shown.progress });
        shown.clear();
        console.log(result.summary);
      });
    });
}

/**
 * Seeding progress on a terminal: rows written of about how many, the rate and the time left
 * (nothing in a log or under CI). Each table reports its own count as it grows.
 */
export function seedProgress(
  scale: number,
  profile: SeedProfile = "pilot",
): { progress: (table: string, rows: number) => void; clear(): void } {
  const shown = progress("Seeding", process.stderr);
  const total = expectedSeedRows(scale, profile);
  const perTable = new Map<string, number>();
  const started = Date.now();
  return {
    progress(table, rows) {
      perTable.set(table, rows);
      const done = [...perTable.values()].reduce((a, b) => a + b, 0);
      shown.update(
        `${progressLine({ done, total, estimated: true, elapsedMs: Date.now() - started, unit: "rows" })} (${table})`,
      );
    },
    clear: () => shown.clear(),
  };
}
