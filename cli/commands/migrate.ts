import type { Command } from "commander";
import { withDb } from "../db";

export function register(program: Command): void {
  program
    .command("migrate")
    .description("Apply database migrations (db/migrations) to the configured database.")
    .action(async () => {
      await withDb("migrate", (h) => {
        console.log(`Migrations applied to ${h.kind === "pglite" ? `embedded database ${h.location}` : h.location}.`);
        return Promise.resolve();
      });
    });
}
