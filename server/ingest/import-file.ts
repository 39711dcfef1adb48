import "server-only";
// One import: read → recognize → map and check each row → resolve names → stage in batches →
// merge into the table (see ./sql.ts), all inside ONE transaction. Any bad row (unless partial) or crash rolls everything back; the
// run is recorded in import_runs and the audit log either way.
import type { Db, DbOrTx } from "../../db/client";
import { importRuns } from "../../db/schema";
import { appendAudit, type ActorType } from "../audit/log";
import { datasetSpecs } from "../../lib/ingest/datasets";
import type { Region } from "../../lib/ingest/datasets/common";
import { FileError, RowErrors } from "../../lib/ingest/errors";
import type { Limits } from "../../lib/ingest/limits";
import { compileMapping } from "../../lib/ingest/map-row";
import { meter, openRows } from "../../lib/ingest/read";
import { recognize } from "../../lib/ingest/recognize";
import type { Dataset, FileKind, RowError } from "../../lib/ingest/types";
import { RefError, Refs } from "../../db/queries/ingest/refs";
import { Staging } from "../../db/queries/ingest/sql";
import { writers } from "../../db/queries/ingest/writers";

export type ImportActor = { type: ActorType; id?: string; label: string; tokenId?: number; ip?: string };

export type ImportOptions = {
  dataset: Dataset;
  fileName: string;
  actor: ImportActor;
  format?: string;
  kind?: FileKind;
  dryRun?: boolean;
  partial?: boolean;
  /** Overrides the format's source name on every record. */
  source?: string;
  maxBytes: number;
  limits: Limits;
  timeZone: string;
  region: Region;
  defaultAgency: string;
  /** Key of the keyed hashes (lib/secrets.ts): licence plates are stored only as HMACs under it. */
  pseudonymKey?: string;
  now?: Date;
  batchSize?: number;
  /** The fewest rows for a bulk merge (see db/queries/ingest/sql.ts); tests set it low. */
  bulkMinRows?: number;
};

export type ImportStatus = "succeeded" | "partial" | "failed" | "dry_run";

export type ImportResult = {
  runId: number;
  status: ImportStatus;
  dataset: Dataset;
  format: string | null;
  fileName: string;
  bytes: number;
  sha256: string;
  /** "line" for CSV, "record" for JSON (the n-th row object or feature). */
  position: "line" | "record";
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  created: { agencies: number; personnel: number; cameras: number };
  /** Raw call types with no mapping yet (imported as "unclassified"), most frequent first. */
  unmapped: { value: string; count: number }[];
  /** Problems that did not stop a row (e.g. a camera added with its location unknown). */
  warnings: string[];
  errors: RowError[];
  moreErrors: number;
  /** Why the whole file failed (too large, unknown format, database error…). */
  fileError?: string;
  /** Milliseconds the reader waited for the database: staging batches, then the merge (the rest is parsing and checking). */
  dbWaitMs: number;
  /** Whether the rows were merged in bulk (the table's plain indexes and foreign keys rebuilt after). */
  bulk: boolean;
  /** Milliseconds of the final merge into the table (part of dbWaitMs; the rest overlaps parsing). */
  mergeMs: number;
  /** What kind of failure: decides the HTTP status. */
  failure?: "too_large" | "unreadable" | "format" | "unknown_format" | "rows" | "internal";
  ms: number;
};

class Rollback extends Error {}

export async function importFile(
  db: Db,
  input: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  o: ImportOptions,
): Promise<ImportResult> {
  const started = Date.now();
  const metered = meter(input, o.maxBytes);
  const spec = datasetSpecs[o.dataset];
  const writer = writers[o.dataset];
  const rowErrors = new RowErrors(50);
  const res: ImportResult = {
    runId: 0,
    status: "failed",
    dataset: o.dataset,
    format: null,
    fileName: o.fileName,
    bytes: 0,
    sha256: "",
    position: "line",
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    created: { agencies: 0, personnel: 0, cameras: 0 },
    unmapped: [],
    warnings: [],
    errors: [],
    moreErrors: 0,
    ms: 0,
    dbWaitMs: 0,
    bulk: false,
    mergeMs: 0,
  };
  const waitFor = async (p: Promise<void>) => {
    const t0 = Date.now();
    await p;
    res.dbWaitMs += Date.now() - t0;
  };
  let committed = false;
  try {
    const opened = await openRows(metered.stream, o.kind);
    res.position = opened.kind === "csv" ? "line" : "record";
    const format = recognize(o.dataset, opened.header, opened.kind, o.format);
    res.format = format.name;
    const ctx = {
      timeZone: o.timeZone,
      now: (o.now ?? new Date()).getTime(),
      limits: o.limits,
      region: o.region,
      source: o.source,
    };
    const mapping = compileMapping(format, spec, opened.header, ctx);
    const batchSize = o.batchSize ?? 2000;
    await db.transaction(async (tx) => {
      const refs = await Refs.load(tx, o.defaultAgency, o.pseudonymKey);
      const staging = await Staging.open(tx, writer.upsert);
      let batch: Record<string, unknown>[] = [];
      let valid = 0;
      let pending: Promise<void> = Promise.resolve();
      // The next batch is parsed while the previous one is staged.
      const flush = async () => {
        if (batch.length === 0) return;
        const rows = batch;
        batch = [];
        await waitFor(pending);
        pending = staging.add(rows);
        pending.catch(() => {});
      };
      for await (const chunk of opened.batches)
        for (const { line, cells, problem } of chunk) {
          res.rowsRead++;
          if (problem) {
            rowErrors.addRow([{ line, reason: problem }]);
            continue;
          }
          const { record, errors } = mapping.map(line, cells);
          if (!record) {
            rowErrors.addRow(errors);
            continue;
          }
          let row: Record<string, unknown>;
          try {
            row = await writer.toRow(record as never, refs, format);
          } catch (e) {
            if (!(e instanceof RefError)) throw e;
            rowErrors.addRow([{ line, column: mapping.columnOf(e.field ?? ""), reason: e.message }]);
            continue;
          }
          valid++;
          // All-or-nothing: after the first bad row nothing will be kept, so only keep checking.
          if (!o.partial && rowErrors.rows > 0) continue;
          batch.push(row);
          if (batch.length >= batchSize) await flush();
        }
      await flush();
      await waitFor(pending);
      if (o.partial || rowErrors.rows === 0) {
        const t0 = Date.now();
        // A dry run never merges in bulk: checking a file must not lock its table against readers.
        const merged = await staging.merge({ bulkMinRows: o.dryRun ? Infinity : o.bulkMinRows });
        res.mergeMs = Date.now() - t0;
        res.dbWaitMs += res.mergeMs;
        res.inserted = merged.inserted;
        res.updated = merged.updated;
        res.bulk = merged.bulk;
      }
      res.rejected = rowErrors.rows;
      res.unchanged = valid - res.inserted - res.updated;
      res.created = { ...refs.created };
      res.unmapped = [...refs.unmapped.values()].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      res.warnings = refs.warnings();
      res.bytes = metered.stats.bytes;
      res.sha256 = metered.stats.sha256;
      if (rowErrors.rows > 0 && !o.partial) throw new Rollback();
      if (o.dryRun) throw new Rollback();
      res.status = rowErrors.rows > 0 ? "partial" : "succeeded";
      res.errors = rowErrors.list;
      res.moreErrors = rowErrors.more;
      res.runId = await record(tx, res, o);
      committed = true;
    });
  } catch (e) {
    if (e instanceof FileError) {
      res.fileError = e.message;
      res.failure = e.code;
    } else if (!(e instanceof Rollback)) {
      res.fileError = `The import stopped and changed nothing: ${(e as Error).message}`;
      res.failure = "internal";
    }
  }
  res.ms = Date.now() - started;
  if (!committed) {
    res.bytes = metered.stats.bytes;
    res.sha256 = metered.stats.sha256 || "(not read to the end)";
    res.errors = rowErrors.list;
    res.moreErrors = rowErrors.more;
    res.rejected = rowErrors.rows;
    res.status = o.dryRun && !res.fileError && (o.partial || rowErrors.rows === 0) ? "dry_run" : "failed";
    if (res.status === "failed") {
      res.failure ??= "rows";
      // Nothing was written: the counts describe what would have happened, so report none.
      res.inserted = res.updated = res.unchanged = 0;
      res.created = { agencies: 0, personnel: 0, cameras: 0 };
      res.warnings = [];
    }
    res.runId = await db.transaction((tx) => record(tx, res, o));
  }
  return res;
}

async function record(tx: DbOrTx, r: ImportResult, o: ImportOptions): Promise<number> {
  const errors: unknown[] = r.fileError ? [{ file: r.fileError }, ...r.errors] : [...r.errors];
  if (r.moreErrors) errors.push({ more: r.moreErrors });
  const [run] = await tx
    .insert(importRuns)
    .values({
      dataset: r.dataset,
      format: r.format,
      fileName: r.fileName,
      fileSha256: r.sha256,
      actor: o.actor.label,
      tokenId: o.actor.tokenId ?? null,
      rowsRead: r.rowsRead,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      status: r.status,
      errors,
      finishedAt: new Date(),
    })
    .returning({ id: importRuns.id });
  await appendAudit(tx, {
    actorType: o.actor.type,
    actorId: o.actor.id,
    actorLabel: o.actor.label,
    action: `import.${r.status}`,
    targetType: "import_run",
    targetId: String(run.id),
    ip: o.actor.ip,
    details: {
      dataset: r.dataset,
      format: r.format,
      fileName: r.fileName,
      sha256: r.sha256,
      rowsRead: r.rowsRead,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      ...(r.unmapped.length ? { unmapped: r.unmapped.slice(0, 100) } : {}),
    },
  });
  return run.id;
}
