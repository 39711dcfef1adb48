// Entry point of the `daylight` CLI. Each command lives in cli/commands/<name>.ts and
// exports `register(program)`.
import { Command, CommanderError } from "commander";
import { env } from "../lib/env";
import { CliError } from "./errors";
import { register as registerMigrate } from "./commands/migrate";
import { register as registerSeed } from "./commands/seed";
import { register as registerPublish } from "./commands/publish";
import { register as registerUsers } from "./commands/users";
import { register as registerAudit } from "./commands/audit";
import { register as registerFlags } from "./commands/flags";
import { register as registerSetup } from "./commands/setup";
import { register as registerImport } from "./commands/import";
import { register as registerTokens } from "./commands/tokens";
import { register as registerStats } from "./commands/stats";
import { register as registerBench } from "./commands/bench";

const program = new Command()
  .name("daylight")
  .description("Operate the Daylight oversight portal: database, demo data, imports, publication, users and audit.")
  .showHelpAfterError()
  .exitOverride();

registerMigrate(program);
registerSeed(program);
registerPublish(program);
registerUsers(program);
registerAudit(program);
registerFlags(program);
registerSetup(program);
registerImport(program);
registerTokens(program);
registerStats(program);
registerBench(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof CliError) {
    console.error(`daylight: ${e.message}`);
    process.exit(e.exitCode);
  }
  const err = e as Error;
  console.error(`daylight: ${err?.message ?? String(e)}`);
  if (env().DAYLIGHT_DEBUG) console.error(err?.stack);
  process.exit(1);
});
