// The flight log download holds exactly the rows (and order) the /drones/flights page shows for
// the same filters; findings counts never show a hidden count as a number.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFlights, type FlightFilters } from "../../db/queries/public/drones";
import { openDataSource } from "../../db/queries/public/opendata";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { getDataset } from "../../lib/opendata/registry";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { insertFindingCounts, insertFlights } from "./fixtures";
import { readAll, req } from "./helpers";

let t: TestDb;
const get = (path: string) => {
  const url = new URL(`http://localhost${path}`);
  return handleDatasetGet(req(path), url.pathname.replace("/api/v1/", ""), openDataSource(t.db));
};

/** Every id the page shows for these filters, walking all its pages in its default order. */
async function pageIds(filters: FlightFilters): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await listFlights({ filters, sort: "started", dir: "desc", page, pageSize: 7, db: t.db });
    ids.push(...r.rows.map((x) => x.publicId));
    if (r.rows.length < 7) return ids;
  }
}

beforeAll(async () => {
  t = await createTestDb();
  await insertFlights(t.db, 90);
  await insertFindingCounts(t.db);
});
afterAll(async () => t.close());

const cases: Record<string, string>[] = [
  {},
  { from: "2026-03-03", to: "2026-03-06" },
  { category: "burglary" },
  { area: "old-town", outcome: "arrest" },
  { linked: "no" },
  { linked: "yes", from: "2026-03-05" },
  { category: "medical", to: "2026-03-04" },
];

describe(`drone flight downloads match the page (${dbMode})`, () => {
  it.each(cases)("filters %o: CSV, JSON and API pages give the page's rows in its order", async (filters) => {
    const expected = await pageIds(filters);
    const qs = new URLSearchParams(filters).toString();
    const csv = parse<{ id: string }>(await readAll(await get(`/api/v1/drone-flights.csv?${qs}`)), { columns: true });
    expect(csv.map((r) => r.id)).toEqual(expected);
    const json = JSON.parse(await readAll(await get(`/api/v1/drone-flights.json?${qs}`)));
    expect(json.rows.map((r: { id: string }) => r.id)).toEqual(expected);
    const api: string[] = [];
    let path: string | null = `/api/v1/drone-flights?${qs}${qs ? "&" : ""}limit=4`;
    while (path) {
      const body = await (await get(path)).json();
      api.push(...body.data.map((r: { id: string }) => r.id));
      path = body.links.next;
    }
    expect(api).toEqual(expected);
  });

  it("the filters really filter (the cases are not all the whole table)", async () => {
    const all = await pageIds({});
    const some = await pageIds({ category: "burglary" });
    expect(all.length).toBe(90);
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThan(all.length);
  });

  it("every JSON row parses with the dataset's row schema; sensitive rows carry no area or path", async () => {
    const def = getDataset("drone-flights")!;
    const json = JSON.parse(await readAll(await get("/api/v1/drone-flights.json")));
    for (const r of json.rows) {
      expect(() => def.row.parse(r)).not.toThrow();
      expect(Object.keys(r)).toEqual(Object.keys(def.row.shape));
      if (r.sensitive) expect([r.area, r.local_hour, r.has_path, r.time_precision]).toEqual([null, null, false, "day"]);
    }
  });
});

describe(`findings counts (${dbMode})`, () => {
  it("hidden counts are null + suppressed in JSON and <11 in CSV, never numbers", async () => {
    const json = JSON.parse(await readAll(await get("/api/v1/findings-counts.json")));
    const hidden = json.rows.filter((r: { suppressed: boolean }) => r.suppressed);
    expect(hidden.length).toBe(3);
    for (const r of hidden) expect(r.count).toBeNull();
    expect(
      json.rows.find((r: { finding_type: string; status: string }) => r.finding_type === "all" && r.status === "all"),
    ).toMatchObject({ count: null, suppressed: true });
    const csv = parse<Record<string, string>>(await readAll(await get("/api/v1/findings-counts.csv")), {
      columns: true,
    });
    for (const r of csv) {
      if (r.suppressed === "true") expect(r.count).toBe("<11");
      else expect(Number(r.count) === 0 || Number(r.count) >= 11).toBe(true);
    }
    const open = await (await get("/api/v1/findings-counts?status=open")).json();
    expect(open.data.map((r: { finding_type: string }) => r.finding_type)).toEqual([
      "access_without_case",
      "flight_without_call",
    ]);
  });
});
