// The parsers `bench csv-parsers` compares, each behind the import's CSV reader interface
// (lib/ingest/csv-records.ts): csv-parse exactly as the import configured it until papaparse
// replaced it (the reference every other parser must match), papaparse (the import's reader
// today), and uDSV with the same decoding, delimiter, blank-record and line handling around it.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { inferSchema, initParser } from "udsv";
import { readCsvRecords, type CsvReader, type CsvRecord } from "../lib/ingest/csv-records";
import { csvText, lineBreaks, lineEnding, recordCollector } from "../lib/ingest/csv-text";

type Parsed = { record: string[]; info: { lines: number } };

/** csv-parse with the import's former options; its reading in batches and line arithmetic. */
export const readCsvParse: CsvReader = (source, size) => {
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
  src.on("error", (e) => parser.destroy(e));
  return withLines(parsedBatches(parser, size));
};

async function* withLines(batches: AsyncIterable<Parsed[]>): AsyncGenerator<CsvRecord[]> {
  // info.lines is the record's last line, and csv-parse counts a CRLF inside a quoted cell as two
  // lines: step back over the cell's line breaks, and over the CRLFs counted twice so far.
  let skew = 0;
  for await (const list of batches)
    yield list.map(({ record, info }) => {
      let breaks = 0;
      let crlf = 0;
      for (const cell of record) {
        if (!cell.includes("\n") && !cell.includes("\r")) continue;
        breaks += lineBreaks(cell);
        crlf += cell.split("\r\n").length - 1;
      }
      const line = info.lines - breaks - crlf - skew;
      skew += crlf;
      return { record, line };
    });
}

/** Drains a csv-parse stream in batches, pausing it when the consumer falls behind (flat memory). */
function parsedBatches(
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

/** uDSV's incremental parser, the schema's delimiters fixed to the import's (comma, double quote). */
export const readUdsv: CsvReader = async function* (source, size) {
  const records = recordCollector(size);
  let parser: ReturnType<typeof initParser> | undefined;
  let pending = "";
  const onRow = (row: string[]) => {
    records.add(row);
  };
  const start = (s: string, whole: boolean) =>
    initParser(inferSchema(s, { col: ",", encl: '"', row: lineEnding(s, whole) ?? "\n", header: () => [] }));
  for await (const s of csvText(source)) {
    if (!parser) {
      pending += s;
      if (!lineEnding(pending)) continue;
      parser = start(pending, false);
      parser.chunk<string[]>(pending, parser.stringArrs, onRow);
      pending = "";
    } else parser.chunk<string[]>(s, parser.stringArrs, onRow);
    yield* records.take();
  }
  if (!parser && pending) {
    parser = start(pending, true);
    parser.chunk<string[]>(pending, parser.stringArrs, onRow);
  }
  parser?.end();
  yield* records.take(true);
};

/** Every parser the benchmark compares, csv-parse first (the reference). */
export const CSV_READERS = { "csv-parse": readCsvParse, papaparse: readCsvRecords, udsv: readUdsv } as const;
