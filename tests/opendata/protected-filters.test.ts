// The subtraction-free attack on the row-level logs: for each sensitive category and each period,
// try every combination of the public filters the API advertises (one or two beside the category
// and the dates), as a JSON page and as CSV, and fail if any total, row count or page count from 1
// to 10 comes back, or if any row names a specific sensitive category.
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDataSource } from "../../db/queries/public/opendata";
import { protectedCategoryCodes } from "../../db/queries/public/protected-categories";
import { queryRows } from "../../db/sql";
import { handleDatasetGet } from "../../server/opendata/http/dataset";
import { openApiDocument } from "../../lib/opendata/openapi";
import { plantCanaries } from "../../server/publish/canaries";
import { rules } from "../../lib/publish/rules";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";
import { readAll, req } from "./helpers";

const ROW_LEVEL = ["drone-flights", "cso-calls", "camera-accesses", "plate-reader-searches"];
const PAGING = new Set(["cursor", "limit", "format", "from", "to"]);
const LIMIT = 25;
let t: TestDb;
let sensitive: Set<string>;
let sensitiveLabels: Set<string>;

const get = (path: string) =>
  handleDatasetGet(
    req(path),
    new URL(`http://localhost${path}`).pathname.replace("/api/v1/", ""),
    openDataSource(t.db),
  );

type Param = { name: string; schema?: { enum?: string[]; anyOf?: { enum?: string[] }[] } };

/** The filter parameters the API advertises for a dataset (OpenAPI), each with its values to try. */
async function filterValues(slug: string): Promise<Map<string, string[]>> {
  const doc = openApiDocument() as { paths: Record<string, { get: { parameters: Param[] } }> };
  const params = doc.paths[`/api/v1/${slug}`].get.parameters.filter((p) => !PAGING.has(p.name));
  // Values that are not an enum are taken from the published rows themselves.
  const res = await get(`/api/v1/${slug}?limit=1000`);
  const rows = ((await res.json()) as { data: Record<string, unknown>[] }).data;
  const fieldOf: Record<string, string[]> = {
    linked: ["linked_to_call", "linked_to_case"],
    source: ["call_source"],
    offense: ["offense_type"],
  };
  const out = new Map<string, string[]>();
  for (const p of params) {
    const enums = p.schema?.enum ?? p.schema?.anyOf?.flatMap((s) => s.enum ?? []) ?? [];
    const fields = fieldOf[p.name] ?? [p.name];
    const seen = [
      ...new Set(
        rows.flatMap((r) =>
          fields.map((f) => r[f]).filter((v): v is string | boolean => typeof v === "string" || typeof v === "boolean"),
        ),
      ),
    ].map((v) => (typeof v === "boolean" ? (v ? "yes" : "no") : v));
    const values = [...new Set([...enums, ...seen])].slice(0, 12);
    if (values.length) out.set(p.name, values);
  }
  return out;
}

/** Every day and every week with a sensitive record, the last 30 days and the whole record. */
async function periods(): Promise<{ from?: string; to?: string }[]> {
  const days = await queryRows<{ d: string }>(
    t.db,
    sql`select distinct local_date::text as d from (
      select local_date from pub_flights where sensitive union select local_date from pub_cso_calls where sensitive) x order by 1`,
  );
  const out: { from?: string; to?: string }[] = [{}];
  const weeks = new Set<string>();
  for (const { d } of days) {
    out.push({ from: d, to: d });
    const monday = new Date(`${d}T12:00:00Z`);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    weeks.add(monday.toISOString().slice(0, 10));
  }
  for (const w of weeks) {
    const end = new Date(`${w}T12:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 6);
    out.push({ from: w, to: end.toISOString().slice(0, 10) });
  }
  const last = NOW.toISOString().slice(0, 10);
  out.push({ from: new Date(NOW.getTime() - 30 * 86400_000).toISOString().slice(0, 10), to: last });
  return out;
}

const small = (n: number) => n >= 1 && n < rules.minCount;

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db, 200);
  await plantCanaries(t.db, { now: NOW, daysAgo: 10 });
  await runPublish(t.db, {
    pseudonymKey: "protected-filters-key-0123456789",
    timeZone: "America/Los_Angeles",
    asOf: NOW,
  });
  sensitive = await protectedCategoryCodes({ db: t.db });
  const labels = await queryRows<{ label: string }>(t.db, sql`select label from call_categories where sensitive`);
  sensitiveLabels = new Set(labels.map((l) => l.label));
}, 600_000);
afterAll(async () => t?.close());

describe(`row-level logs never count a specific sensitive category (${dbMode})`, () => {
  it("the data has sensitive records to hide", async () => {
    expect(sensitive.size).toBeGreaterThan(0);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pub_flights where sensitive`,
    );
    expect(n).toBeGreaterThan(0);
  });

  it("no filter combination naming a sensitive category returns 1 to 10 records", async () => {
    const failures: string[] = [];
    let tried = 0;
    const ps = await periods();
    for (const slug of ROW_LEVEL) {
      const values = await filterValues(slug);
      const others = [...values.keys()].filter((k) => k !== "category");
      // The category alone, then with each other filter value, then with each pair of other filters.
      const extras: Record<string, string>[] = [{}];
      for (const a of others) for (const v of values.get(a)!) extras.push({ [a]: v });
      for (let i = 0; i < others.length; i++)
        for (let j = i + 1; j < others.length; j++)
          for (const va of values.get(others[i])!.slice(0, 3))
            for (const vb of values.get(others[j])!.slice(0, 3)) extras.push({ [others[i]]: va, [others[j]]: vb });
      for (const code of sensitive) {
        for (const p of ps) {
          for (const e of extras) {
            const qs = new URLSearchParams({ category: code, ...p, ...e, limit: String(LIMIT) }).toString();
            const res = await get(`/api/v1/${slug}?${qs}`);
            tried++;
            if (res.status !== 200) {
              expect(res.status).toBe(400);
              continue;
            }
            const body = (await res.json()) as { total?: number; count: number };
            const total = body.total ?? 0;
            if (small(total) || small(body.count) || small(Math.ceil(total / LIMIT)))
              failures.push(`${slug}?${qs}: total ${total}, count ${body.count}`);
          }
          // The downloads, once per period.
          const qs = new URLSearchParams({ category: code, ...p }).toString();
          const csv = await get(`/api/v1/${slug}.csv?${qs}`);
          if (csv.status === 200) {
            const rows = parse<Record<string, string>>(await readAll(csv), { columns: true });
            if (small(rows.length)) failures.push(`${slug}.csv?${qs}: ${rows.length} rows`);
          } else expect(csv.status).toBe(400);
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    expect(failures).toEqual([]);
  }, 600_000);

  it("a request naming a sensitive category is refused with a clear 400", async () => {
    const code = [...sensitive][0];
    for (const path of [`/api/v1/drone-flights?category=${code}`, `/api/v1/cso-calls.csv?category=${code}`]) {
      const res = await get(path);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { parameter?: string; detail?: string; title?: string };
      expect(JSON.stringify(body)).toContain(rules.protectedCategory.label);
    }
    const ok = await get(`/api/v1/drone-flights?category=${rules.protectedCategory.code}`);
    expect(ok.status).toBe(200);
  });

  it("no row of any row-level log, JSON or CSV, names a specific sensitive category", async () => {
    for (const slug of ROW_LEVEL) {
      for (const path of [`/api/v1/${slug}?limit=1000`, `/api/v1/${slug}.csv`]) {
        const text = await readAll(await get(path));
        for (const code of sensitive) expect(text, `${path} names ${code}`).not.toMatch(new RegExp(`\\b${code}\\b`));
        for (const label of sensitiveLabels) expect(text, `${path} names ${label}`).not.toContain(label);
      }
    }
  });
});
