// The OpenAPI document validates against the OpenAPI 3.1 schema, names every dataset route and
// parameter, and every field the API returns is in both the dictionary and the document.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { dictionary } from "../../lib/opendata/dictionary";
import { handleStatic } from "../../server/opendata/http/static";
import { openApiDocument, schemaName } from "../../lib/opendata/openapi";
import { pagingParams } from "../../lib/opendata/params";
import { datasets } from "../../lib/opendata/registry";
import { req } from "./helpers";

type Doc = {
  openapi: string;
  paths: Record<string, { get: { parameters?: { name: string }[] } }>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
};

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = openApiDocument();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as Doc).openapi).toBe("3.1.0");
  });

  it("describes every dataset's page and download routes with every filter and paging parameter", () => {
    const doc = openApiDocument() as Doc;
    for (const d of datasets) {
      const filters = Object.keys(d.filters.shape);
      const page = doc.paths[`/api/v1/${d.slug}`]?.get;
      expect(page, d.slug).toBeDefined();
      expect(page.parameters!.map((p) => p.name)).toEqual([...filters, ...Object.keys(pagingParams.shape)]);
      for (const ext of ["csv", "json"]) {
        expect(doc.paths[`/api/v1/${d.slug}.${ext}`].get.parameters!.map((p) => p.name)).toEqual(filters);
      }
      for (const f of filters) expect(d.filterDocs[f], `${d.slug}.${f} documented`).toBeTruthy();
    }
  });

  it("every row field is in the dictionary (with a meaning) and in the document's schema", () => {
    const doc = openApiDocument() as Doc;
    for (const d of datasets) {
      const fields = Object.keys(d.row.shape);
      const dict = dictionary(d);
      expect(dict.map((e) => e.column)).toEqual(fields);
      for (const e of dict) expect(e.meaning, `${d.slug}.${e.column} has a meaning`).not.toBe("");
      const schema = doc.components.schemas[schemaName(d)];
      expect(Object.keys(schema.properties)).toEqual(fields);
      for (const s of d.suppressible ?? []) {
        expect(fields, `${d.slug} has a suppressed flag`).toContain("suppressed");
        expect(dict.find((e) => e.column === s)!.privacy).toContain("<11");
      }
    }
  });

  it("is served with CORS and a 429 + Retry-After once an address passes the limit", async () => {
    const ip = "203.0.113.77";
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 61; i++) {
      last = await handleStatic(req("/api/v1/openapi.json", { ip }), openApiDocument());
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("access-control-allow-origin")).toBe("*");
    const other = await handleStatic(req("/api/v1/openapi.json", { ip: "203.0.113.78" }), openApiDocument());
    expect(other.status).toBe(200);
  });
});
