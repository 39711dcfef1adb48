// Downloads: CSV quoting and UTF-8 survive a round trip through csv-parse, the header row is the
// dictionary, JSON equals the API's rows, and the file is streamed one batch at a time.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataSource } from "../../db/queries/public/opendata";
import { csvColumns, dictionary } from "../../lib/opendata/dictionary";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { csvStream, downloadResponse } from "../../server/opendata/http/download";
import { getDataset } from "../../lib/opendata/registry";
import type { DatasetReader } from "../../lib/opendata/types";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { awkwardNames, insertBudget, insertRuns, readAll, req } from "./helpers";

let t: TestDb;
const get = (path: string) => {
  const url = new URL(`http://localhost${path}`);
  return handleDatasetGet(req(path), url.pathname.replace("/api/v1/", ""), openDataSource(t.db));
};

beforeAll(async () => {
  t = await createTestDb();
  await insertRuns(t.db, 12);
  await insertBudget(t.db);
});
afterAll(async () => t.close());

describe(`downloads (${dbMode})`, () => {
  it("CSV: UTF-8, quoting and newlines round-trip through csv-parse; header = dictionary", async () => {
    const res = await get("/api/v1/budget-items.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="budget-items-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await readAll(res);
    const [header, ...rows] = parse(text);
    const def = getDataset("budget-items")!;
    expect(header).toEqual(dictionary(def).map((d) => d.column));
    expect(rows.map((r) => r[header.indexOf("name")])).toEqual(awkwardNames);
    const first = rows[0];
    expect(first[header.indexOf("approved_amount_usd")]).toBe("62000");
    expect(first[header.indexOf("note")]).toBe("Covered by the department's existing budget");
    expect(first[header.indexOf("program")]).toBe("cso");
    expect(rows[1][header.indexOf("program")]).toBe("");
  });

  it("CSV and JSON downloads carry exactly the rows the same filters select in the API", async () => {
    const q = "?program=cso";
    const api = await (await get(`/api/v1/budget-items${q}`)).json();
    const csv = parse<Record<string, string>>(await readAll(await get(`/api/v1/budget-items.csv${q}`)), {
      columns: true,
    });
    const json = JSON.parse(await readAll(await get(`/api/v1/budget-items.json${q}`)));
    const viaFormat = JSON.parse(await readAll(await get(`/api/v1/budget-items${q}&format=json`)));
    const ids = api.data.map((r: { id: number }) => r.id);
    expect(ids.length).toBe(3);
    expect(csv.map((r) => Number(r.id))).toEqual(ids);
    expect(json.rows).toEqual(api.data);
    expect(viaFormat.rows).toEqual(api.data);
    expect(json.filters).toEqual({ program: "cso" });
  });

  it("a download with a bad filter is a 400 before anything streams", async () => {
    const res = await get("/api/v1/publications.csv?to=yesterday");
    expect(res.status).toBe(400);
    expect((await res.json()).parameter).toBe("to");
  });

  it("streams in batches: reading the first chunk fetches only the first batch", async () => {
    const def = getDataset("publications")!;
    const calls: number[] = [];
    let served = 0;
    const total = 10_000;
    // A reader that would produce 10,000 rows; it records how many batches were asked for.
    const reader: DatasetReader = {
      async batch(_f, after, limit) {
        calls.push(limit);
        const start = after ? Number(after[0]) : 0;
        const n = Math.min(limit, total - start);
        served += n;
        const rows = Array.from({ length: n }, (_, i) => ({
          id: start + i,
          as_of: "2026-01-01T00:00:00.000Z",
          published_at: null,
          rules_version: "x",
          trigger: "t",
          source_rows: 1,
          published_rows: 1,
          cells_suppressed: 0,
        }));
        return { rows, next: start + n < total ? [start + n] : null };
      },
      async count() {
        return total;
      },
    };
    const stream = csvStream({
      def,
      reader,
      filters: {},
      filterParams: {},
      format: "csv",
      publication: null,
      batchSize: 500,
    });
    const r = stream.getReader();
    const head = await r.read();
    expect(new TextDecoder().decode(head.value)).toBe(`${csvColumns(def).join(",")}\n`);
    await r.read();
    expect(calls.length).toBeLessThanOrEqual(2);
    let lines = 1 + 500;
    for (;;) {
      const c = await r.read();
      if (c.done) break;
      lines += new TextDecoder().decode(c.value).split("\n").length - 1;
    }
    expect(lines).toBe(total + 1);
    expect(served).toBe(total);
    expect(Math.max(...calls)).toBe(500);
    expect(calls.length).toBe(total / 500);
  });

  it("a download of a real table walks every batch and loses no row at batch edges", async () => {
    const def = getDataset("publications")!;
    const res = await downloadResponse({
      def,
      reader: openDataSource(t.db).reader("publications")!,
      filters: {},
      filterParams: {},
      format: "csv",
      publication: null,
      batchSize: 3,
    });
    const rows = parse<{ id: string }>(await readAll(res), { columns: true });
    const api = await (await get("/api/v1/publications?limit=1000")).json();
    expect(rows.map((r) => Number(r.id))).toEqual(api.data.map((r: { id: number }) => r.id));
    expect(rows.length).toBe(api.total);
  });
});
