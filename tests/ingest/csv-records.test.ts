// The import's CSV reader on the behaviour fixture: BOM, CRLF and lone CR, quoted commas and
// doubled quotes, multi-line cells (and the line each record starts on), blank and ragged rows,
// malformed quoting as an error. Each case is read whole and a few bytes at a time, so a value,
// a doubled quote, a CRLF or a UTF-8 character split between chunks must come out the same.
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readCsvRecords, type CsvRecord } from "../../lib/ingest/csv-records";
import { CSV_CASES } from "../fixtures/csv-behaviour";

async function read(bytes: Buffer, chunk: number, batch = 2): Promise<CsvRecord[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const all: CsvRecord[] = [];
  for await (const b of readCsvRecords(Readable.from(chunks), batch)) {
    expect(b.length).toBeLessThanOrEqual(batch);
    all.push(...b);
  }
  return all;
}

describe("the import's CSV reader", () => {
  for (const c of CSV_CASES)
    it(c.name, async () => {
      const bytes = Buffer.from(c.text);
      for (const chunk of [bytes.length || 1, 5, 2, 1]) {
        if (c.expected === "error") await expect(read(bytes, chunk), `${chunk} bytes at a time`).rejects.toThrow();
        else expect(await read(bytes, chunk), `${chunk} bytes at a time`).toEqual(c.expected);
      }
    });

  it("reads a long file in batches of the size asked, lines counted across them", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => (i % 100 === 0 ? `${i},"two\r\nlines"` : `${i},x`));
    const text = `\uFEFFid,note\r\n${rows.join("\r\n")}\r\n`;
    const got = await read(Buffer.from(text), 4096, 2000);
    expect(got).toHaveLength(5001);
    expect(got[0]).toEqual({ record: ["id", "note"], line: 1 });
    // Row i starts on line 2 + i + the two-line notes before it (rows 0, 100, ... below i).
    expect(got[4000]).toEqual({ record: ["3999", "x"], line: 2 + 3999 + 40 });
    expect(got[4001]).toEqual({ record: ["4000", "two\r\nlines"], line: 2 + 4000 + 40 });
  });
});
