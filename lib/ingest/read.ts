// Reading an uploaded or local file as a stream of rows: size-limited, hashed as it goes,
// CSV streamed through csv-parse (BOM, CRLF/LF, quoted commas and newlines, ragged and blank rows),
// JSON/GeoJSON/ArcGIS read whole (bounded by the same size limit).
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { parse } from "csv-parse";
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

type Parsed = { record: string[]; info: { lines: number } };

/** Drains a csv-parse stream in batches, pausing it when the consumer falls behind (flat memory). */
function recordBatches(
  parser: NodeJS.ReadableStream & { pause(): void; resume(): void },
  size: number,
): AsyncIterable<Parsed[]> {
  let buf: Parsed[] = [];
  let done = false;
  let err: Error | undefined;
  let notify: (() => void) | undefined;
  const wake = () => {
    const n = notify;
    notify = undefined;
    n?.();
  };
  parser.on("data", (r: Parsed) => {
    buf.push(r);
    if (buf.length >= size) {
      parser.pause();
      wake();
    }
  });
  parser.on("end", () => {
    done = true;
    wake();
  });
  parser.on("error", (e: unknown) => {
    err = e instanceof Error ? e : new Error(String(e));
    wake();
  });
  return (async function* () {
    for (;;) {
      if (err) throw err;
      if (buf.length >= size || (done && buf.length)) {
        const out = buf;
        buf = [];
        parser.resume();
        yield out;
        continue;
      }
      if (done) return;
      await new Promise<void>((r) => (notify = r));
    }
  })();
}

async function openCsv(source: AsyncIterable<Buffer>): Promise<Opened> {
  const src = Readable.from(source);
  const parser = src.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }),
  );
  // pipe() does not forward errors: a read failure (size limit, dropped upload) must end the parse.
  src.on("error", (e) => parser.destroy(e));
  const it = recordBatches(parser, 2000)[Symbol.asyncIterator]();
  const toFileError = (e: unknown) =>
    e instanceof FileError ? e : new FileError(`The file is not readable CSV: ${(e as Error).message}`, "format");
  let first: IteratorResult<Parsed[], undefined>;
  try {
    first = await it.next();
  } catch (e) {
    throw toFileError(e);
  }
  if (first.done || first.value.length === 0) throw new FileError("The file has no header row", "format");
  const header = first.value[0].record.map((h) => h.trim().toLowerCase());
  const named = header.findLastIndex((h) => h !== "") + 1;
  const convert = (list: Parsed[]): Row[] =>
    list.map(({ record, info }) => {
      // info.lines is the record's last line; step back over newlines inside quoted cells.
      let extra = 0;
      for (const cell of record) if (cell.includes("\n")) extra += cell.split("\n").length - 1;
      const problem = cellCountProblem(record, header.length, named);
      return problem ? { line: info.lines - extra, cells: [], problem } : { line: info.lines - extra, cells: record };
    });
  async function* batches() {
    if (first.value!.length > 1) yield convert(first.value!.slice(1));
    for (;;) {
      let n: IteratorResult<Parsed[]>;
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
