// /api/v1/<dataset>: validated parameters, cursor pagination, ETag/304, CORS, 409 on stale cursors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataSource } from "../../db/queries/public/opendata";
import { publicationRuns } from "../../db/schema";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { insertBudget, insertRuns, req } from "./helpers";

let t: TestDb;
const get = (path: string, opts: Parameters<typeof req>[1] = {}) => {
  const url = new URL(`http://localhost${path}`);
  const segment = url.pathname.replace("/api/v1/", "");
  return handleDatasetGet(req(path, opts), segment, openDataSource(t.db));
};

beforeAll(async () => {
  t = await createTestDb();
  await insertRuns(t.db, 25);
  await insertBudget(t.db);
});
afterAll(async () => t.close());

describe(`open data API (${dbMode})`, () => {
  it("pages through every matching row with next_cursor, newest publication first", async () => {
    const ids: number[] = [];
    let path: string | null = "/api/v1/publications?limit=7";
    let pages = 0;
    let total: number | undefined;
    while (path) {
      const res = await get(path);
      expect(res.status).toBe(200);
      const body = await res.json();
      if (pages === 0) total = body.total;
      ids.push(...body.data.map((r: { id: number }) => r.id));
      path = body.links.next;
      pages += 1;
    }
    const expected = (await t.db.select().from(publicationRuns))
      .filter((r) => r.status === "succeeded")
      .map((r) => r.id)
      .sort((a, b) => b - a);
    expect(ids).toEqual(expected);
    expect(total).toBe(20);
    expect(pages).toBe(3);
  });

  it("filters with the same parameters as the page", async () => {
    const body = await (await get("/api/v1/publications?from=2026-01-05&to=2026-01-10")).json();
    expect(body.data.map((r: { as_of: string }) => r.as_of.slice(0, 10)).sort()).toEqual([
      "2026-01-06",
      "2026-01-07",
      "2026-01-08",
      "2026-01-09",
    ]);
    expect(body.filters).toEqual({ from: "2026-01-05", to: "2026-01-10" });
    const budget = await (await get("/api/v1/budget-items?program=cso&fiscal_year=FY2025-26")).json();
    expect(budget.data.map((r: { name: string }) => r.name)).toEqual([
      'Utility vehicle, "CSO" program',
      "Line one\nline two",
    ]);
    expect(budget.data[0]).toMatchObject({ approved_amount_usd: 62000, actual_cost_usd: 67185, over_budget_usd: 5185 });
  });

  it.each([
    ["/api/v1/publications?from=2026-13-01", "from"],
    ["/api/v1/publications?from=2026-02-01&to=2026-01-01", "to"],
    ["/api/v1/publications?limit=0", "limit"],
    ["/api/v1/publications?limit=abc", "limit"],
    ["/api/v1/publications?limit=5000", "limit"],
    ["/api/v1/publications?cursor=not-a-cursor", "cursor"],
    ["/api/v1/publications?colour=red", "colour"],
    ["/api/v1/publications?from=2026-01-01&from=2026-01-02", "from"],
    ["/api/v1/budget-items?status=stolen", "status"],
    ["/api/v1/budget-items?format=xml", "format"],
  ])("%s is a 400 naming %s", async (path, param) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.parameter).toBe(param);
    expect(body.error).toContain(`"${param}"`);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("rejects a cursor from another dataset", async () => {
    const first = await (await get("/api/v1/publications?limit=2")).json();
    const res = await get(`/api/v1/budget-items?cursor=${first.next_cursor}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain("publications");
  });

  it("404s an unknown dataset", async () => {
    expect((await get("/api/v1/secret-names")).status).toBe(404);
  });

  it("sends ETag and Cache-Control, and 304 when If-None-Match matches", async () => {
    const res = await get("/api/v1/budget-items");
    const etag = res.headers.get("etag");
    expect(etag).toMatch(/^W\/".+"$/);
    expect(res.headers.get("cache-control")).toContain("max-age=");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const again = await get("/api/v1/budget-items", { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const other = await get("/api/v1/budget-items?status=approved", { headers: { "if-none-match": etag! } });
    expect(other.status).toBe(200);
  });

  it("answers 409 when the data was republished after the cursor was issued", async () => {
    const first = await (await get("/api/v1/publications?limit=3")).json();
    await insertRuns(t.db, 1);
    const res = await get(`/api/v1/publications?limit=3&cursor=${first.next_cursor}`);
    expect(res.status).toBe(409);
    expect((await res.json()).parameter).toBe("cursor");
  });
});
