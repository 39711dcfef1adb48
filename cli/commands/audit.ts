// `daylight audit verify|checkpoint`: check every row and every checkpoint of the keyed audit
// chain (optionally against checkpoints saved elsewhere); record a signed checkpoint.
import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { takeCheckpoint, verifyAudit } from "../../server/audit/checkpoint";
import { verifyChain } from "../../server/audit/log";
import { city } from "../../lib/config/city";
import { parseSavedCheckpoints, type SavedCheckpoint } from "../../lib/audit/saved-checkpoints";
import { withDb } from "../db";
import { CliError } from "../errors";

async function loadAgainst(source: string): Promise<SavedCheckpoint[]> {
  let text: string;
  try {
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(source);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      text = await res.text();
    } else text = await readFile(source, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${source}: ${(e as Error).message}`);
  }
  try {
    return parseSavedCheckpoints(text);
  } catch (e) {
    throw new CliError(`${source}: ${(e as Error).message}`);
  }
}

export function register(program: Command): void {
  const cmd = program.command("audit").description("Check and checkpoint the tamper-evident audit log.");

  cmd
    .command("verify")
    .description("Recompute the keyed chain over every audit row and check every signed checkpoint; names what broke.")
    .option("--against <file-or-url>", "also check checkpoints saved elsewhere (a copy of /audit/checkpoints.json)")
    .action(async (opts: { against?: string }) => {
      const against = opts.against ? await loadAgainst(opts.against) : undefined;
      await withDb("audit verify", async (h) => {
        const r = await verifyAudit(h.db, { against });
        for (const p of r.problems) console.log(`${p.kind}: ${p.message}`);
        if (!r.ok)
          throw new CliError(
            `audit log BROKEN: ${r.problems.filter((p) => p.kind !== "unsigned-checkpoint").length} problem(s) above`,
            3,
          );
        console.log(
          r.rows === 0
            ? "The audit log is empty."
            : `Audit chain intact: ${r.rows} rows, head #${r.headId} ${r.headHash}; ${r.checkpoints} checkpoints` +
                (r.against ? `, ${r.against} saved checkpoints` : "") +
                " match. Rows after the last checkpoint are vouched for only by the next one.",
        );
      });
    });

  cmd
    .command("checkpoint")
    .description("Record a signed checkpoint (chain head hash and row count), published on /audit.")
    .action(async () => {
      await withDb("audit checkpoint", async (h) => {
        const v = await verifyChain(h.db);
        if (!v.ok)
          throw new CliError(
            `refusing to checkpoint a broken chain (row ${v.firstBroken!.id}: ${v.firstBroken!.reason})`,
            3,
          );
        const cp = await takeCheckpoint(h.db, { timeZone: city().timeZone, reason: "cli" });
        console.log(
          cp
            ? `Checkpoint ${cp.at.toISOString()}: ${cp.rowCount} rows, head #${cp.headId} ${cp.headHash}`
            : "The audit log is empty: no checkpoint taken.",
        );
      });
    });
}
