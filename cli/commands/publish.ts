// `daylight publish`: rebuild the published read model from the raw tables, atomically.
import type { Command } from "commander";
import { z } from "zod";
import { publishNow } from "../../server/publish/publish-now";
import { RULES_VERSION } from "../../lib/publish/rules";
import { withDb } from "../db";
import { callPortal, jobPrinter, runningPortal } from "../handoff";
import { CliError } from "../errors";
import { progress } from "../progress";
import { progressLine } from "../../lib/format/progress";

const options = z.object({
  asOf: z.iso
    .datetime({ offset: true, message: "--as-of must be an ISO date-time such as 2026-06-30T12:00:00Z" })
    .optional(),
  trigger: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, "--trigger must be a short word")
    .default("cli"),
  json: z.boolean().optional(),
  full: z.boolean().optional(),
});

export function register(program: Command): void {
  program
    .command("publish")
    .description("Publish: apply the privacy rules to the raw tables and swap in the new public read model.")
    .option("--as-of <datetime>", "publish as if it were this moment (default: now)")
    .option("--trigger <word>", "recorded with the run (cli, import, schedule)", "cli")
    .option("--json", "print the run summary as JSON")
    .option(
      "--full",
      "rebuild every dataset from the whole record (default: only the dates whose records changed, when the last publication allows it)",
    )
    .action(async (raw) => {
      const parsed = options.safeParse(raw);
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      const o = parsed.data;
      const portal = runningPortal();
      if (portal) {
        // The portal holds the embedded database: it publishes, through its job queue.
        if (o.asOf)
          throw new CliError("--as-of cannot be handed to the running portal: stop it first, or drop --as-of");
        if (o.full) throw new CliError("--full cannot be handed to the running portal: stop it first, or drop --full");
        console.log(`The portal (pid ${portal.pid}) holds the embedded database: handing the publication to it.`);
        await callPortal(portal, `/jobs/publish?trigger=${o.trigger}`, jobPrinter("Publication"));
        return;
      }
      await withDb("publish", async (h) => {
        let s;
        const shown = publishProgress(o.json ? process.stderr : process.stdout);
        try {
          s = await publishNow(h.db, o.trigger, o.asOf ? new Date(o.asOf) : undefined, shown.progress, {
            full: o.full,
          });
          shown.clear();
        } catch (e) {
          shown.clear();
          throw new CliError(
            `Publication failed; the previous publication is still being served. Cause: ${(e as Error).message}`,
          );
        }
        if (o.json) return void console.log(JSON.stringify(s, null, 2));
        console.log(
          `Published run ${s.runId} (rules ${RULES_VERSION}) as of ${s.asOf.toISOString()} in ${(s.ms / 1000).toFixed(1)} s`,
        );
        console.log(`  read:      ${fmt(s.sourceCounts)}`);
        console.log(`  published: ${fmt(s.publishedCounts)}`);
        console.log(`  cells suppressed: ${s.cellsSuppressed}`);
        console.log(`  rewritten: ${fmtScopes(s.scopes)}`);
      });
    });
}

const fmtScopes = (r: Record<string, string>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

const fmt = (r: Record<string, number>) =>
  Object.entries(r)
    .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
    .join(", ") || "nothing";

/** Publication progress on a terminal: datasets done, rows published, time left (nothing in a log or under CI). */
export function publishProgress(stream: NodeJS.WriteStream = process.stdout): {
  progress: (p: { done: number; total: number; rows: number }) => void;
  clear(): void;
} {
  const shown = progress("Publishing", stream);
  const started = Date.now();
  return {
    progress: (p) =>
      shown.update(
        `${progressLine({ done: p.done, total: p.total, elapsedMs: Date.now() - started, unit: "steps" })}, ${p.rows.toLocaleString("en-US")} rows published`,
      ),
    clear: () => shown.clear(),
  };
}
