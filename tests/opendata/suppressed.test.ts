// Suppressed counts are never written as numbers: "<11" in CSV, null + suppressed: true in JSON,
// even when a publisher forgot to flag a count between 1 and 10.
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SUPPRESSED_CSV, toCsvCells, toJsonRow } from "../../lib/opendata/suppressed";
import type { DatasetDef } from "../../lib/opendata/types";

const def: DatasetDef = {
  slug: "test-counts",
  title: "t",
  summary: "t",
  pagePath: "/",
  cadence: "t",
  source: "publication",
  filters: z.object({}),
  filterDocs: {},
  row: z.object({ group: z.string(), count: z.number().nullable(), suppressed: z.boolean() }),
  suppressible: ["count"],
  changelog: [],
};
const cols = ["group", "count", "suppressed"];

describe("suppressed counts", () => {
  it.each([
    [{ group: "a", count: null, suppressed: true }, null, true],
    [{ group: "b", count: 7, suppressed: true }, null, true],
    [{ group: "c", count: 4, suppressed: false }, null, true], // unflagged small count: still hidden
    [{ group: "d", count: 0, suppressed: false }, 0, false], // zero may be shown
    [{ group: "e", count: 11, suppressed: false }, 11, false],
    [{ group: "f", count: 250, suppressed: false }, 250, false],
  ])("%o → JSON %s / suppressed %s", (row, value, flag) => {
    const json = toJsonRow(def, row);
    expect(json.count).toBe(value);
    expect(json.suppressed).toBe(flag);
    const cells = toCsvCells(def, cols, row);
    expect(cells[1]).toBe(flag ? SUPPRESSED_CSV : String(value));
    const back = parse<Record<string, string>>(stringify([cols, cells]), { columns: true })[0];
    if (flag) expect(Number.isNaN(Number(back.count))).toBe(true);
  });

  it("every value from 1 to 10 comes out hidden, flagged or not", () => {
    for (let n = 1; n <= 10; n++) {
      for (const suppressed of [true, false]) {
        expect(toJsonRow(def, { group: "x", count: n, suppressed }).count).toBeNull();
        expect(toCsvCells(def, cols, { group: "x", count: n, suppressed })[1]).toBe("<11");
      }
    }
  });
});
