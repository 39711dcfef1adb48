// The import's CSV reader, the one place that knows which parser it uses (papaparse, chosen by
// `bench csv-parsers`: the same records and lines as csv-parse, which it replaced, several times
// faster). Bytes in, records out in batches, each with the line it starts on. BOM, CRLF/LF/CR,
// quoted commas, quotes and line breaks; blank lines and rows of only blank cells are skipped;
// ragged rows come through as they are (the caller checks the cell count); malformed quoting is
// an error.
import Papa from "papaparse";
import { quoteChecker } from "./csv-quotes";
import { csvText, lineEnding, recordCollector } from "./csv-text";

/** One CSV record and the file line it starts on (1-based, counting the header). */
export type CsvRecord = { record: string[]; line: number };

/** Reads CSV bytes as batches of up to `size` records: one await per batch keeps a million rows fast. */
export type CsvReader = (source: AsyncIterable<Buffer>, size: number) => AsyncIterable<CsvRecord[]>;

type Parsed = { data: string[][]; errors: { type: string; message: string }[]; meta: { cursor: number } };

const parserFor = (newline: "\r\n" | "\n" | "\r" | undefined) =>
  new Papa.Parser({ delimiter: ",", newline: newline ?? "\n", quoteChar: '"' });

export const readCsvRecords: CsvReader = async function* (source, size) {
  const records = recordCollector(size);
  const quotes = quoteChecker();
  let parser: Papa.Parser | undefined;
  let pending = "";
  /** Parses what has come so far, all but the last (maybe partial) row unless `last`; returns the rest. */
  const run = (input: string, last: boolean): string => {
    const res = parser!.parse(input, 0, !last) as Parsed;
    const err = res.errors.find((e) => e.type === "Quotes");
    if (err) throw new Error(err.message);
    for (const r of res.data) records.add(r);
    return last ? "" : input.slice(res.meta.cursor);
  };
  for await (const s of csvText(source)) {
    quotes.scan(s);
    pending += s;
    if (!parser) {
      const nl = lineEnding(pending);
      if (!nl) continue;
      parser = parserFor(nl);
    }
    // Inside a quoted value: wait for its end rather than parse the same text again.
    if (quotes.quoted) continue;
    // A CR at the end may be the first half of a CRLF.
    const held = pending.endsWith("\r") ? 1 : 0;
    pending = run(pending.slice(0, pending.length - held), false) + pending.slice(pending.length - held);
    yield* records.take();
  }
  quotes.end();
  if (pending) {
    parser ??= parserFor(lineEnding(pending, true));
    run(pending, true);
  }
  yield* records.take(true);
};
