import type { Command } from "commander";
import { userInfo } from "node:os";
import { z } from "zod";
import { createToken, listTokens, revokeToken } from "../../server/ingest/tokens";
import { withDb } from "../db";
import { CliError } from "../errors";

const createArgs = z.object({
  name: z.string().trim().min(1, "--name is required").max(100),
  source: z
    .string()
    .regex(/^[a-z0-9._-]{1,100}$/i, "--source must be letters, digits, dot, dash or underscore (e.g. skydio)"),
});

function actor() {
  let who = "unknown";
  try {
    who = userInfo().username;
  } catch {
    /* no passwd entry */
  }
  return { actorType: "cli" as const, actorLabel: `cli:${who}` };
}

export function register(program: Command): void {
  const cmd = program
    .command("tokens")
    .description("API tokens for POST /api/ingest/<dataset> (one per source system).");

  cmd
    .command("create")
    .description("Create a token; it is printed once and stored only as a hash.")
    .requiredOption("--name <name>", 'who or what uses it, e.g. "Skydio dock uploader"')
    .requiredOption("--source <source>", "the source system it imports for, e.g. skydio")
    .action(async (raw: Record<string, string>) => {
      const parsed = createArgs.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      await withDb("tokens create", async (h) => {
        const t = await createToken(h.db, parsed.data, actor());
        console.log(`Token ${t.id} (${t.prefix}…) for source ${t.source}. Copy it now; it cannot be shown again:`);
        console.log(t.token);
      });
    });

  cmd
    .command("list")
    .description("List tokens (prefix, source, last use; never the token).")
    .action(async () => {
      await withDb("tokens list", async (h) => {
        const rows = await listTokens(h.db);
        if (rows.length === 0)
          return console.log("No tokens. Create one with `daylight tokens create --name … --source …`.");
        for (const t of rows) {
          const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
          const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
          console.log(`${t.id}\t${t.prefix}…\t${t.source}\t${t.name}\t${state}\t${used}`);
        }
      });
    });

  cmd
    .command("revoke")
    .description("Revoke a token by id; requests with it are refused from then on.")
    .argument("<id>")
    .action(async (id: string) => {
      const n = z.coerce.number().int().positive().safeParse(id);
      if (!n.success) throw new CliError("token id must be a positive whole number (see `daylight tokens list`)");
      await withDb("tokens revoke", async (h) => {
        if (!(await revokeToken(h.db, n.data, actor()))) throw new CliError(`No active token with id ${n.data}`);
        console.log(`Token ${n.data} revoked.`);
      });
    });
}
