// Property tests: random and hostile values for every /api/v1 parameter of every dataset (JSON
// pages and CSV/JSON downloads) must get a 2xx/4xx with a readable body, never a 5xx or a
// download that breaks off. The figures (requests, 4xx, 5xx) are printed at the end.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { openDataSource } from "../../db/queries/public/opendata";
import { encodeCursor } from "../../lib/opendata/cursor";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { downloadResponse } from "../../server/opendata/http/download";
import { datasets } from "../../lib/opendata/registry";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { insertBudget, insertRuns, req } from "../opendata/helpers";
import { hostileValue } from "./hostile";

let t: TestDb;
const tally = { requests: 0, ok: 0, c4xx: 0, c5xx: 0, failures: [] as string[] };

beforeAll(async () => {
  t = await createTestDb();
  await insertRuns(t.db, 5);
  await insertBudget(t.db);
});
afterAll(async () => {
  console.log(
    `API fuzz (${dbMode}): ${tally.requests} requests, ${tally.ok} 2xx/3xx, ${tally.c4xx} 4xx, ${tally.c5xx} 5xx`,
  );
  await t?.close();
});

/** Sends one request and reads the whole body (a download that breaks off throws here). */
async function send(slug: string, suffix: "" | ".csv" | ".json", params: [string, string][]): Promise<number> {
  const qs = new URLSearchParams(params).toString();
  const path = `/api/v1/${slug}${suffix}${qs ? `?${qs}` : ""}`;
  tally.requests++;
  let status: number;
  try {
    const res = await handleDatasetGet(req(path), slug + suffix, openDataSource(t.db));
    status = res.status;
    const body = await res.text();
    if (status >= 400) expect(JSON.parse(body)).toHaveProperty("error");
  } catch (e) {
    status = 599;
    tally.failures.push(`${path}: ${(e as Error).message}`);
  }
  if (status >= 500) {
    tally.c5xx++;
    if (status !== 599) tally.failures.push(`${path}: ${status}`);
  } else if (status >= 400) tally.c4xx++;
  else tally.ok++;
  return status;
}

const forgedCursor = (slug: string) =>
  fc.oneof(
    fc
      .array(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), { minLength: 1 })
      .map((key) => encodeCursor({ dataset: slug, publication: 1, key }, "forger-does-not-know-the-key")),
    fc.jsonValue().map((j) => Buffer.from(JSON.stringify(j)).toString("base64url")),
    fc.string(),
  );

describe(`fuzzing /api/v1 parameters (${dbMode})`, () => {
  for (const def of datasets) {
    const keys = [...Object.keys(def.filters.shape), "cursor", "limit", "format"];
    it(`${def.slug}: no 5xx for any single parameter`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...keys),
          fc.oneof(hostileValue(), forgedCursor(def.slug)),
          fc.constantFrom("" as const, ".csv" as const, ".json" as const),
          async (key, value, suffix) => {
            const status = await send(def.slug, suffix, [[key, value]]);
            expect(status, `${def.slug}${suffix}?${key}=${JSON.stringify(value)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 120 },
      );
    });
    it(`${def.slug}: no 5xx for several parameters at once`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom(...keys), hostileValue()), { maxLength: 4 }),
          fc.constantFrom("" as const, ".csv" as const),
          async (params, suffix) => {
            const status = await send(def.slug, suffix, params);
            expect(status, `${def.slug}${suffix}?${JSON.stringify(params)}`).toBeLessThan(500);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it("the known bad requests from the issue are 4xx", async () => {
    const cases: [string, "" | ".csv", [string, string][]][] = [
      ["camera-accesses", "", [["from", "2026-02-31"]]],
      ["camera-accesses", ".csv", [["from", "2026-02-31"]]],
      ["drone-flights", "", [["from", "0000-01-01"]]],
      ["camera-accesses", "", [["agency", "\u0000"]]],
      ["alpr-searches", "", [["offense", "a\u0000b"]]],
      [
        "drone-flights",
        "",
        [["cursor", encodeCursor({ dataset: "drone-flights", publication: 1, key: ["x", 1] }, "guessed-key")]],
      ],
    ];
    for (const [slug, suffix, params] of cases) {
      const status = await send(slug, suffix, params);
      expect(status, `${slug}${suffix} ${JSON.stringify(params)}`).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
  });

  it("a download whose first read fails never starts as a 200", async () => {
    const def = datasets[0];
    const reader = {
      batch: () => Promise.reject(new Error("boom")),
      count: () => Promise.resolve(0),
    };
    const args = { def, reader, filters: {}, filterParams: {}, publication: null };
    await expect(downloadResponse({ ...args, format: "csv" })).rejects.toThrow("boom");
    await expect(downloadResponse({ ...args, format: "json" })).rejects.toThrow("boom");
  });
});
