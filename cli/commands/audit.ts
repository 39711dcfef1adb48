// `daylight audit verify|checkpoint`: re-check the hash chain; record today's published checkpoint.
import type { Command } from "commander";
import { takeCheckpoint } from "../../server/audit/checkpoint";
import { verifyChain } from "../../server/audit/log";
import { city } from "../../lib/config/city";
import { withDb } from "../db";
import { CliError } from "../errors";

export function register(program: Command): void {
  const cmd = program.command("audit").description("Check and checkpoint the tamper-evident audit log.");

  cmd
    .command("verify")
    .description("Recompute the SHA-256 chain over every audit row; names the first broken row.")
    .action(async () => {
      await withDb("audit verify", async (h) => {
        const r = await verifyChain(h.db);
        if (!r.ok)
          throw new CliError(
            `audit chain BROKEN at row ${r.firstBroken!.id}: ${r.firstBroken!.reason} (${r.checked} rows before it verified)`,
            3,
          );
        console.log(
          r.checked === 0
            ? "The audit log is empty."
            : `Audit chain intact: ${r.checked} rows, head #${r.headId} ${r.headHash}`,
        );
      });
    });

  cmd
    .command("checkpoint")
    .description("Record today's checkpoint (chain head hash and row count), published on /audit.")
    .action(async () => {
      await withDb("audit checkpoint", async (h) => {
        const v = await verifyChain(h.db);
        if (!v.ok)
          throw new CliError(
            `refusing to checkpoint a broken chain (row ${v.firstBroken!.id}: ${v.firstBroken!.reason})`,
            3,
          );
        const cp = await takeCheckpoint(h.db, { timeZone: city().timeZone });
        console.log(
          cp
            ? `Checkpoint ${cp.day}: ${cp.rowCount} rows, head #${cp.headId} ${cp.headHash}`
            : "The audit log is empty: no checkpoint taken.",
        );
      });
    });
}
