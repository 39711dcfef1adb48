import type { Command } from "commander";
import { env } from "../../lib/env";
import { withDb } from "../db";

export function register(program: Command): void {
  program
    .command("migrate")
    .description(
      "Apply database migrations (db/migrations) to the configured database; on a Postgres server with DATABASE_OWNER_URL, as that owner, then grant the portal's role (DATABASE_URL) what it needs: the audit tables only to read and append.",
    )
    .action(async () => {
      await withDb("migrate", (h) => {
        console.log(`Migrations applied to ${h.kind === "pglite" ? `embedded database ${h.location}` : h.location}.`);
        const e = env();
        if (h.kind === "postgres" && (!e.DATABASE_OWNER_URL || e.DATABASE_OWNER_URL === e.DATABASE_URL))
          console.warn(
            "Warning: DATABASE_OWNER_URL is not set, so the portal's own role owns the audit tables and could alter them. " +
              "Set DATABASE_OWNER_URL to the schema owner and DATABASE_URL to a role of its own (README: Database roles).",
          );
        else if (h.kind === "postgres")
          console.log("The portal's role may read and append to the audit tables, and change nothing in them.");
        return Promise.resolve();
      });
    });
}
