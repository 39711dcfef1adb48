// Reading an uploaded or local file as a stream of rows: size-limited, hashed as it goes,
// CSV streamed through the import's CSV reader (csv-records.ts), each row checked against the header,
// JSON/GeoJSON/ArcGIS read whole (bounded by the same size limit).
import { createHash } from "node:crypto";
import { readCsvRecords, type CsvRecord } from "./csv-records";
import { FileError } from "./errors";
import type { FileKind } from "./types";
import { readJsonRows } from "./read-json";

export type FileStats = { bytes: number; sha256: string };

/** Counts and hashes bytes as they pass; throws once the limit is crossed. */
export function meter(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number) {
  const hash = createHash("sha256");
  const stats: FileStats = { bytes: 0, sha256: "" };
  async function* gen(): AsyncGenerator<Buffer> {
    for await (const chunk of source) {
      const buf =
        typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      stats.bytes += buf.length;
      if (stats.bytes > maxBytes)
        throw new FileError(`The file is larger than the ${formatBytes(maxBytes)} limit`, "too_large");
      hash.update(buf);
      yield buf;
    }
    stats.sha256 = hash.digest("hex");
  }
  return { stream: gen(), stats };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round(n / 1024 / 1024)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** `problem` is set when the row cannot be read as a record at all (wrong number of cells). */
export type Row = { line: number; cells: unknown[]; problem?: string };

export type Opened = {
  kind: FileKind;
  /** Column names, trimmed and lower-cased, in file order. */
  header: string[];
  /** Rows in batches: one await per batch, not per row, keeps a million-row file fast. */
  batches: AsyncIterable<Row[]>;
};

/** Looks at the first bytes to tell JSON from CSV, then reads the header. */
export async function openRows(source: AsyncIterable<Buffer>, hint?: FileKind): Promise<Opened> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length) yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      yield n.value;
    }
  }
  const firstChar = head
    .toString("utf8", 0, Math.min(head.length, 64))
    .replace(/^\uFEFF/, "")
    .trimStart()[0];
  const looksJson = firstChar === "{" || firstChar === "[";
  if (hint === "json" || hint === "geojson" || (!hint && looksJson)) {
    const chunks: Buffer[] = [];
    for await (const c of rest()) chunks.push(c);
    return readJsonRows(
      Buffer.concat(chunks)
        .toString("utf8")
        .replace(/^\uFEFF/, ""),
    );
  }
  if (head.length === 0) throw new FileError("The file is empty", "format");
  return openCsv(rest());
}

async function openCsv(source: AsyncIterable<Buffer>): Promise<Opened> {
  const it = readCsvRecords(source, 2000)[Symbol.asyncIterator]();
  const toFileError = (e: unknown) =>
    e instanceof FileError ? e : new FileError(`The file is not readable CSV: ${(e as Error).message}`, "format");
  let first: IteratorResult<CsvRecord[], undefined>;
  try {
    first = await it.next();
  } catch (e) {
    throw toFileError(e);
  }
  if (first.done || first.value.length === 0) throw new FileError("The file has no header row", "format");
  const header = first.value[0].record.map((h) => h.trim().toLowerCase());
  const named = header.findLastIndex((h) => h !== "") + 1;
  const convert = (list: CsvRecord[]): Row[] =>
    list.map(({ record, line }) => {
      const problem = cellCountProblem(record, header.length, named);
      return problem ? { line, cells: [], problem } : { line, cells: record };
    });
  async function* batches() {
    if (first.value!.length > 1) yield convert(first.value!.slice(1));
    for (;;) {
      let n: IteratorResult<CsvRecord[]>;
      try {
        n = await it.next();
      } catch (e) {
        throw e instanceof FileError
          ? e
          : new FileError(`The file could not be read to the end: ${(e as Error).message}`, "unreadable");
      }
      if (n.done) return;
      yield convert(n.value);
    }
  }
  return { kind: "csv", header, batches: batches() };
}

/**
 * A row must have one cell per header column: a cut-off row or one with extra values is a row
 * error, not a record with shifted or missing fields. Trailing empty cells beyond the header, and
 * missing cells under unnamed trailing header columns, are allowed (spreadsheets write both).
 */
export function cellCountProblem(record: string[], width: number, named: number): string | undefined {
  if (record.length < named)
    return `has ${record.length} values but the header has ${named} columns (the row is cut short)`;
  if (record.length > width && record.slice(width).some((c) => c.trim() !== ""))
    return `has ${record.length} values but the header has only ${width} columns`;
  return undefined;
}
