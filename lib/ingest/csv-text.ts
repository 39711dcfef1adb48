// What any parser behind the import's CSV reader needs around it, so the records and line
// numbers never depend on which parser it is: UTF-8 decoded across chunk boundaries with the BOM
// dropped, the record delimiter taken from the first line ending, blank records skipped, each
// record's first line counted, records handed out in batches.
import { StringDecoder } from "node:string_decoder";
import type { CsvRecord } from "./csv-records";

/** Line breaks inside a cell: CRLF, LF or a lone CR, each one line. */
export function lineBreaks(cell: string): number {
  let n = 0;
  for (let i = cell.indexOf("\n"); i !== -1; i = cell.indexOf("\n", i + 1)) n++;
  for (let i = cell.indexOf("\r"); i !== -1; i = cell.indexOf("\r", i + 1)) if (cell[i + 1] !== "\n") n++;
  return n;
}

/**
 * The first line ending outside quotes: the file's record delimiter (undefined: not known yet; a
 * CR that ends the text may be half a CRLF unless the text is the whole file).
 */
export function lineEnding(text: string, whole = false): "\r\n" | "\n" | "\r" | undefined {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r"))
      return c === "\n" ? "\n" : text[i + 1] === "\n" ? "\r\n" : i + 1 < text.length || whole ? "\r" : undefined;
  }
  return undefined;
}

/** Decoded text chunks, the BOM dropped. */
export async function* csvText(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const dec = new StringDecoder("utf8");
  let head = true;
  for await (const chunk of source) {
    let s = dec.write(chunk);
    if (head && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      head = false;
    }
    if (s) yield s;
  }
  const rest = dec.end();
  if (rest) yield rest;
}

/**
 * Collects parsed records: a record of only blank cells (an empty line, `,,`) is skipped but its
 * lines still count; `take` hands out full batches of `size` (all that is left when `all`).
 */
export function recordCollector(size: number) {
  let line = 1;
  let out: CsvRecord[] = [];
  return {
    add(record: string[]) {
      const start = line;
      line += 1;
      for (const cell of record) if (cell.includes("\n") || cell.includes("\r")) line += lineBreaks(cell);
      if (record.every((c) => c.trim() === "")) return;
      out.push({ record, line: start });
    },
    take(all = false): CsvRecord[][] {
      const batches: CsvRecord[][] = [];
      while (out.length >= size || (all && out.length)) {
        batches.push(out.slice(0, size));
        out = out.slice(size);
      }
      return batches;
    },
  };
}
