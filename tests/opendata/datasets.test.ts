// Every dataset in the registry, end to end over published fixtures: the API answers, each row
// parses with its schema and has exactly the dictionary's fields, the CSV header is the dictionary,
// and CSV, JSON download and API pages agree row for row.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataSource } from "../../db/queries/public/opendata";
import { dictionary } from "../../lib/opendata/dictionary";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { datasets } from "../../lib/opendata/registry";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { insertCameraData, insertCsoCalls, insertFindingCounts, insertFlights } from "./fixtures";
import { insertBudget, insertRuns, readAll, req } from "./helpers";

let t: TestDb;
const get = (path: string) => {
  const url = new URL(`http://localhost${path}`);
  return handleDatasetGet(req(path), url.pathname.replace("/api/v1/", ""), openDataSource(t.db));
};

beforeAll(async () => {
  t = await createTestDb();
  await insertFlights(t.db, 40);
  await insertFindingCounts(t.db);
  await insertCameraData(t.db);
  await insertCsoCalls(t.db);
  await insertBudget(t.db);
  await insertRuns(t.db, 4);
});
afterAll(async () => t.close());

describe(`every dataset (${dbMode})`, () => {
  it.each(datasets.map((d) => [d.slug, d] as const))(
    "%s: API, CSV and JSON agree with the dictionary",
    async (slug, def) => {
      expect(openDataSource(t.db).reader(slug)).toBeDefined();
      const api: Record<string, unknown>[] = [];
      let path: string | null = `/api/v1/${slug}?limit=9`;
      let total = -1;
      while (path) {
        const res = await get(path);
        expect(res.status).toBe(200);
        const body = await res.json();
        if (total < 0) total = body.total;
        api.push(...body.data);
        path = body.links.next;
      }
      expect(api.length).toBe(total);
      expect(total).toBeGreaterThan(0);
      const columns = dictionary(def).map((e) => e.column);
      for (const row of api) {
        expect(Object.keys(row)).toEqual(columns);
        expect(() => def.row.parse(row)).not.toThrow();
      }
      const json = JSON.parse(await readAll(await get(`/api/v1/${slug}.json`)));
      expect(json.rows).toEqual(api);
      const [header, ...csv] = parse(await readAll(await get(`/api/v1/${slug}.csv`)));
      expect(header).toEqual(columns);
      expect(csv.length).toBe(api.length);
      for (const s of def.suppressible ?? []) {
        const i = header.indexOf(s);
        csv.forEach((cells, r) => {
          if (api[r].suppressed) expect(cells[i]).toBe("<11");
          else expect(cells[i]).toBe(String(api[r][s]));
        });
      }
    },
  );

  it("camera filters select the right rows; private cameras never named; networks joined with ;", async () => {
    const shares = await (await get("/api/v1/camera-accesses?operation=share&limit=1000")).json();
    expect(shares.total).toBe(15);
    for (const r of shares.data) expect(r).toMatchObject({ operation: "share", shared_with: "County DA" });
    const noCase = await (await get("/api/v1/camera-accesses?linked=no&limit=1000")).json();
    expect(noCase.data.every((r: { linked_to_case: boolean }) => !r.linked_to_case)).toBe(true);
    expect(noCase.total).toBe(10);
    const priv = await (await get("/api/v1/camera-accesses?place=private%20camera%2C%20Old%20Town&limit=1000")).json();
    for (const r of priv.data) expect(r).toMatchObject({ camera_id: null, owner_class: "private" });
    const counts = JSON.parse(await readAll(await get("/api/v1/private-cameras-by-area.json")));
    expect(
      counts.rows.filter((r: { suppressed: boolean }) => r.suppressed).map((r: { count: unknown }) => r.count),
    ).toEqual([null, null]);
    const csv = parse<Record<string, string>>(
      await readAll(await get("/api/v1/plate-reader-searches.csv?offense=robbery")),
      {
        columns: true,
      },
    );
    expect(csv.length).toBe(9);
    expect(csv.every((r) => r.offense_type === "robbery")).toBe(true);
    const searches = parse<Record<string, string>>(await readAll(await get("/api/v1/plate-reader-searches.csv")), {
      columns: true,
    });
    expect(searches.map((r) => r.networks)).toContain("city;county;state");
    const cso = parse<Record<string, string>>(
      await readAll(await get("/api/v1/cso-calls.csv?source=311&outcome=referred")),
      {
        columns: true,
      },
    );
    expect(cso.length).toBeGreaterThan(0);
    expect(cso.every((r) => r.call_source === "311" && r.outcome === "referred")).toBe(true);
    const all = parse<Record<string, string>>(await readAll(await get("/api/v1/cso-calls.csv")), { columns: true });
    expect(all.map((r) => r.referrals)).toContain("housing;mental_health");
    for (const r of all.filter((x) => x.sensitive === "true"))
      expect([r.area, r.local_hour, r.outcome]).toEqual(["", "", ""]);
    const inv = await (await get("/api/v1/cameras?kind=plate_reader")).json();
    expect(inv.data.map((r: { id: string }) => r.id)).toEqual(["c-bbb"]);
  });
});
