import type { Command } from "commander";
import { z } from "zod";
import { seedDemo } from "../../server/seed";
import { withDb } from "../db";
import { CliError } from "../errors";

const options = z.object({
  scale: z.coerce.number().positive("--scale must be a positive number").max(1000, "--scale must be at most 1000"),
  seed: z.coerce.number().int("--seed must be an integer"),
  ifEmpty: z.boolean().optional(),
  reset: z.boolean().optional(),
});

export function register(program: Command): void {
  program
    .command("seed")
    .description("Fill the database with deterministic demo data for the configured city.")
    .option("--scale <n>", "multiply event volumes (flights, accesses, searches, CSO calls)", "1")
    .option("--seed <s>", "random seed: the same seed gives the same rows", "20251001")
    .option("--if-empty", "do nothing when the database already has data")
    .option("--reset", "delete existing demo and event data first")
    .action(async (raw) => {
      const parsed = options.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      await withDb("seed", async (h) => {
        // Big scales take minutes: say how far along each table is.
        const progress =
          parsed.data.scale >= 5
            ? (table: string, rows: number) => console.error(`  ${table}: ${rows.toLocaleString("en-US")} rows`)
            : undefined;
        const result = await seedDemo(h.db, { ...parsed.data, progress });
        console.log(result.summary);
      });
    });
}
