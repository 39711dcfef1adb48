// The access-log and plate-reader-search downloads hold exactly the rows, in the same order, that
// their pages show for the same filters (the pages' own queries walked page by page).
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSearchLog } from "../../db/queries/public/alpr";
import { getAccessLog } from "../../db/queries/public/cameras";
import { openDataSource } from "../../db/queries/public/opendata";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { insertCameraData } from "./fixtures";
import { readAll, req } from "./helpers";

let t: TestDb;
const get = (path: string) => {
  const url = new URL(`http://localhost${path}`);
  return handleDatasetGet(req(path), url.pathname.replace("/api/v1/", ""), openDataSource(t.db));
};

async function walk<R>(
  fetch: (page: number) => Promise<{ rows: R[]; total: number }>,
  id: (r: R) => string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await fetch(page);
    ids.push(...r.rows.map(id));
    if (r.rows.length < 8) return ids;
  }
}

async function downloadIds(slug: string, filters: Record<string, string>): Promise<string[]> {
  const qs = new URLSearchParams(filters).toString();
  const csv = parse<{ id: string }>(await readAll(await get(`/api/v1/${slug}.csv?${qs}`)), { columns: true });
  const json = JSON.parse(await readAll(await get(`/api/v1/${slug}.json?${qs}`)));
  expect(json.rows.map((r: { id: string }) => r.id)).toEqual(csv.map((r) => r.id));
  return csv.map((r) => r.id);
}

beforeAll(async () => {
  t = await createTestDb();
  await insertCameraData(t.db, 80);
});
afterAll(async () => t.close());

describe(`camera and plate-reader downloads match their pages (${dbMode})`, () => {
  it.each<Record<string, string>>([
    {},
    { operation: "playback" },
    { linked: "no", from: "2026-05-03" },
    { agency: "Neighboring PD", reason: "investigation" },
    { place: "private camera, Old Town" },
    { user: "user-aaaaa1", to: "2026-05-10" },
  ])("access log %o", async (filters) => {
    const page = await walk(
      (p) =>
        getAccessLog({
          filters: filters,
          sort: "hour",
          dir: "desc",
          page: p,
          pageSize: 8,
          db: t.db,
        }),
      (r) => r.publicId,
    );
    expect(page.length).toBeGreaterThan(0);
    expect(await downloadIds("camera-accesses", filters)).toEqual(page);
  });

  it.each<Record<string, string>>([
    {},
    { reason: "stolen_vehicle" },
    { offense: "robbery", linked: "yes" },
    { user: "user-bbbbb2", from: "2026-05-04" },
  ])("plate-reader searches %o", async (filters) => {
    const page = await walk(
      (p) =>
        getSearchLog({
          filters: filters,
          sort: "hour",
          dir: "desc",
          page: p,
          pageSize: 8,
          db: t.db,
        }),
      (r) => r.publicId,
    );
    expect(page.length).toBeGreaterThan(0);
    expect(await downloadIds("plate-reader-searches", filters)).toEqual(page);
  });

  it("a value the page's filter form rejects is a 400 naming the parameter", async () => {
    for (const [q, param] of [
      ["operation=peek", "operation"],
      ["user=bob", "user"],
      ["linked=maybe", "linked"],
      ["from=2026-05-09&to=2026-05-01", "to"],
    ]) {
      const res = await get(`/api/v1/camera-accesses?${q}`);
      expect(res.status).toBe(400);
      expect((await res.json()).parameter).toBe(param);
    }
  });
});
