import type { Command } from "commander";
import { statSync, createReadStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { afterImport } from "../../server/ingest/after-import";
import { importFile } from "../../server/ingest/import-file";
import { city } from "../../lib/config/city";
import { formatsMarkdown } from "../../lib/ingest/docs";
import { limits } from "../../lib/ingest/limits";
import { formatBytes } from "../../lib/ingest/read";
import { describeFormats } from "../../lib/ingest/recognize";
import { FORMATS } from "../../lib/ingest/mappings";
import { reportLines } from "../../lib/ingest/report";
import { DATASETS, type FileKind } from "../../lib/ingest/types";
import { withDb } from "../db";
import { callPortal, jobPrinter, runningPortal, type HandoffEvent } from "../handoff";
import { progress } from "../progress";
import { progressLine } from "../../lib/format/progress";
import type { ImportResult } from "../../server/ingest/import-file";
import { CliError } from "../errors";
import { appSecrets } from "../../lib/secrets";

const args = z.object({
  dataset: z
    .string()
    .transform((s) => s.trim().toLowerCase().replace(/-/g, "_"))
    .pipe(z.enum(DATASETS, { error: () => `dataset must be one of: ${DATASETS.join(", ")}` })),
  file: z.string().min(1),
  format: z.string().optional(),
  source: z
    .string()
    .regex(/^[a-z0-9._-]{1,100}$/i, "--source must be letters, digits, dot, dash or underscore")
    .optional(),
  dryRun: z.boolean().optional(),
  partial: z.boolean().optional(),
  publish: z.boolean(),
  json: z.boolean().optional(),
});

function whoami(): string {
  try {
    return os.userInfo().username;
  } catch {
    return "unknown";
  }
}

function kindOf(file: string): FileKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === ".csv" || ext === ".txt") return "csv";
  if (ext === ".json" || ext === ".geojson") return "json";
  return undefined;
}

export function register(program: Command): void {
  program
    .command("import")
    .description(`Import a vendor or portal export into a dataset (${DATASETS.join(", ")}), then publish.`)
    .argument("<dataset>", DATASETS.join(" | "))
    .argument("<file>", "CSV, JSON or GeoJSON file")
    .option("--format <name>", "format name (default: recognized from the header; see `daylight formats`)")
    .option("--dry-run", "check and count everything, change nothing")
    .option("--partial", "import the valid rows and report the invalid ones (default: all or nothing)")
    .option("--source <name>", "source name stored on the records (default: the format's)")
    .option(
      "--no-publish",
      "skip the flag recompute and publish that normally follow (bulk loads: run them once at the end)",
    )
    .option("--json", "print the result as JSON")
    .action(async (dataset: string, file: string, raw: Record<string, unknown>) => {
      const parsed = args.safeParse({ ...raw, dataset, file });
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("; "));
      const o = parsed.data;
      let size: number;
      try {
        size = statSync(o.file).size;
      } catch {
        throw new CliError(`Cannot read ${o.file}: no such file`);
      }
      const lim = limits();
      if (size > lim.maxFileBytes) {
        throw new CliError(
          `${o.file} is ${formatBytes(size)}, over the ${formatBytes(lim.maxFileBytes)} import limit (DAYLIGHT_IMPORT_MAX_BYTES)`,
        );
      }
      const c = city();
      const portal = runningPortal();
      if (portal) {
        console.log(`The portal (pid ${portal.pid}) holds the embedded database: handing the import to it.`);
        const q = new URLSearchParams({ dataset: o.dataset, fileName: path.basename(o.file), user: whoami() });
        const kind = kindOf(o.file);
        if (kind) q.set("kind", kind);
        if (o.format) q.set("format", o.format);
        if (o.source) q.set("source", o.source);
        if (o.dryRun) q.set("dryRun", "1");
        if (o.partial) q.set("partial", "1");
        if (o.publish) q.set("publish", "1");
        const reading = progress("Reading", o.json ? process.stderr : process.stdout);
        const publishing = jobPrinter("Publication");
        let imported: ImportResult | undefined;
        const started = Date.now();
        await callPortal(
          portal,
          `/import?${q.toString()}`,
          (e: HandoffEvent) => {
            if (e.type === "progress" && !imported)
              reading.update(
                progressLine({ done: Number(e.bytes), total: size, elapsedMs: Date.now() - started, unit: "bytes" }),
              );
            else if (e.type === "imported") {
              imported = e.result as ImportResult;
              reading.done(`${imported.rowsRead.toLocaleString("en-US")} rows in ${(imported.ms / 1000).toFixed(1)} s`);
              if (o.json) console.log(JSON.stringify(imported, null, 2));
              else
                for (const line of reportLines(imported))
                  (imported.status === "failed" ? console.error : console.log)(line);
              if (imported.status === "failed") throw new CliError(`import failed (run ${imported.runId})`);
            } else if (imported) publishing(e);
          },
          o.file,
        );
        if (!imported) throw new CliError("The running portal ended the import without a result");
        return;
      }
      const reading = progress("Reading", o.json ? process.stderr : process.stdout);
      const started = Date.now();
      let bytes = 0;
      const counted = async function* () {
        for await (const chunk of createReadStream(o.file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
          bytes += chunk.length;
          reading.update(progressLine({ done: bytes, total: size, elapsedMs: Date.now() - started, unit: "bytes" }));
          yield chunk;
        }
      };
      await withDb("import", async (h) => {
        const r = await importFile(h.db, counted(), {
          dataset: o.dataset,
          fileName: path.basename(o.file),
          format: o.format,
          kind: kindOf(o.file),
          dryRun: o.dryRun,
          partial: o.partial,
          source: o.source,
          maxBytes: lim.maxFileBytes,
          limits: lim,
          timeZone: c.timeZone,
          region: c.region,
          defaultAgency: c.lawEnforcementAgency,
          pseudonymKey: appSecrets().pseudonymKey,
          actor: { type: "cli", label: `cli:${whoami()}` },
        });
        reading.done(`${r.rowsRead.toLocaleString("en-US")} rows in ${(r.ms / 1000).toFixed(1)} s`);
        if (o.json) console.log(JSON.stringify(r, null, 2));
        else for (const line of reportLines(r)) (r.status === "failed" ? console.error : console.log)(line);
        if (r.status === "failed") throw new CliError(`import failed (run ${r.runId})`);
        if (r.status === "dry_run" || !o.publish) return;
        const after = await afterImport(h.db, c.timeZone);
        if (!o.json)
          console.log(
            `Anomaly flags recomputed (${after.flags ?? "?"}); published (run ${after.publishRunId ?? "?"}).`,
          );
        if (after.problems.length) throw new CliError(`Imported, but ${after.problems.join("; ")}`, 3);
      });
    });

  program
    .command("formats")
    .description("List the import formats and their columns.")
    .option("--markdown", "print the full documentation (content/ingest-formats.md)")
    .action((o: { markdown?: boolean }) => {
      console.log(o.markdown ? formatsMarkdown() : describeFormats(FORMATS));
    });
}
