// A CSV row with more or fewer cells than the header is a row error naming its line, never a
// record with shifted or missing fields (csv-parse's relax_column_count used to let both through).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importFile } from "../../server/ingest/import-file";
import { cellCountProblem } from "../../lib/ingest/read";
import { dbMode, type TestDb } from "../helpers/db";
import { fixture, options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const text = readFileSync(fixture("daylight-camera-access.csv"), "utf8");
const [header, good] = text.split(/\r?\n/);

describe(`CSV rows must match the header (${dbMode})`, () => {
  it("still accepts trailing empty cells and files whose header ends in unnamed columns", async () => {
    // vms-audit.csv's header ends in two empty names, as the vendor writes it (and it adds the cameras).
    const v = await importFile(t.db, stream("vms-audit.csv"), options("camera_access", "vms-audit.csv"));
    expect(v.errors).toEqual([]);
    expect(v.status).toBe("succeeded");
    const trailing = [header, good.replace("acc-1", "acc-trail") + ",,,"].join("\n");
    const r = await importFile(t.db, [trailing], options("camera_access", "trailing.csv"));
    expect(r.errors).toEqual([]);
    expect(r.status).toBe("succeeded");
  });

  it("rejects a row with thousands of extra values and a row cut after 4 columns, by line", async () => {
    const wide = good.replace("acc-1", "acc-wide") + ",x".repeat(9_994);
    const cut = good.replace("acc-1", "acc-cut").split(",").slice(0, 4).join(",");
    const file = [header, good, wide, cut, ""].join("\n");
    const r = await importFile(t.db, [file], options("camera_access", "ragged.csv"));
    expect(r.status).not.toBe("succeeded");
    expect(r.inserted).toBe(0);
    expect(r.rejected).toBe(2);
    expect(r.errors).toEqual([
      { line: 3, reason: expect.stringContaining("has 10010 values but the header has only 16 columns") },
      { line: 4, reason: expect.stringContaining("has 4 values but the header has 16 columns") },
    ]);
  });

  it("cellCountProblem: short rows, long rows, empty extras", () => {
    expect(cellCountProblem(["a", "b"], 3, 3)).toMatch(/cut short/);
    expect(cellCountProblem(["a", "b", "c", "d"], 3, 3)).toMatch(/only 3 columns/);
    expect(cellCountProblem(["a", "b", "c", "", " "], 3, 3)).toBeUndefined();
    expect(cellCountProblem(["a", "b"], 4, 2)).toBeUndefined();
  });
});
