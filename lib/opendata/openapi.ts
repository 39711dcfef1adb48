// The OpenAPI 3.1 document for /api/v1, generated from the same zod schemas the routes parse with.
import { z } from "zod";
import { rowJsonSchema } from "./dictionary";
import { MAX_LIMIT, pagingParams } from "./params";
import { datasets } from "./registry";
import { SUPPRESSED_CSV } from "./suppressed";
import type { DatasetDef } from "./types";

type Obj = Record<string, unknown>;

const strip = ({ $schema: _drop, ...rest }: Obj): Obj => rest;

function paramSchema(s: z.ZodType): Obj {
  return strip(z.toJSONSchema(s, { io: "input", unrepresentable: "any" }));
}

export const schemaName = (d: DatasetDef) =>
  d.slug
    .split("-")
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("") + "Row";

function filterParameters(d: DatasetDef): Obj[] {
  return Object.entries(d.filters.shape).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    description: d.filterDocs[name] ?? "",
    schema: paramSchema(s),
  }));
}

function pagingParameters(): Obj[] {
  return Object.entries(pagingParams.shape).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    description: z.globalRegistry.get(s)?.description ?? "",
    schema: paramSchema(s),
  }));
}

const errorRef = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

const rateHeaders = {
  "X-RateLimit-Limit": { description: "Requests allowed per minute from one address", schema: { type: "integer" } },
  "X-RateLimit-Remaining": { description: "Requests left in the current minute", schema: { type: "integer" } },
};

const commonErrors = {
  "400": errorRef("A query parameter is unknown or has a bad value; `parameter` names it"),
  "404": errorRef("No such dataset"),
  "429": {
    ...errorRef("Too many requests from this address; wait the number of seconds in Retry-After"),
    headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
  },
};

function datasetPaths(d: DatasetDef): Obj {
  const rowRef = { $ref: `#/components/schemas/${schemaName(d)}` };
  const suppressedNote = d.suppressible?.length
    ? ` Counts from 1 to 10 are hidden: null with suppressed: true in JSON, "${SUPPRESSED_CSV}" in CSV.`
    : "";
  const page = {
    get: {
      operationId: `list_${d.slug.replace(/-/g, "_")}`,
      summary: d.title,
      description: `${d.summary} Same filters as ${d.pagePath}. Pages of up to ${MAX_LIMIT} rows; follow next_cursor.${suppressedNote}`,
      tags: [d.title],
      parameters: [...filterParameters(d), ...pagingParameters()],
      responses: {
        "200": {
          description: "One page of matching rows",
          headers: {
            ETag: {
              description: "Send back in If-None-Match to get 304 when nothing changed",
              schema: { type: "string" },
            },
            ...rateHeaders,
          },
          content: { "application/json": { schema: pageSchema(rowRef) } },
        },
        "304": { description: "Not modified since the ETag in If-None-Match" },
        "409": errorRef("The data was republished after the cursor was issued; start again without cursor"),
        ...commonErrors,
      },
    },
  };
  const file = (format: "csv" | "json") => ({
    get: {
      operationId: `download_${d.slug.replace(/-/g, "_")}_${format}`,
      summary: `${d.title}: download every matching row as ${format.toUpperCase()}`,
      description: `Streams every row the filters select, as an attachment. The CSV header row is the data dictionary's column list, UTF-8.${suppressedNote}`,
      tags: [d.title],
      parameters: filterParameters(d),
      responses: {
        "200": {
          description: `The ${format.toUpperCase()} file`,
          headers: {
            "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
            ...rateHeaders,
          },
          content:
            format === "csv"
              ? { "text/csv": { schema: { type: "string" } } }
              : { "application/json": { schema: downloadSchema(rowRef) } },
        },
        ...commonErrors,
      },
    },
  });
  return {
    [`/api/v1/${d.slug}`]: page,
    [`/api/v1/${d.slug}.csv`]: file("csv"),
    [`/api/v1/${d.slug}.json`]: file("json"),
  };
}

const meta = {
  dataset: { type: "string" },
  as_of: { type: ["string", "null"], format: "date-time" },
  rules_version: { type: ["string", "null"] },
  filters: { type: "object", additionalProperties: { type: "string" } },
};

function pageSchema(rowRef: Obj): Obj {
  return {
    type: "object",
    required: ["dataset", "count", "next_cursor", "data"],
    properties: {
      ...meta,
      title: { type: "string" },
      published_at: { type: ["string", "null"], format: "date-time" },
      total: { type: "integer", description: "Rows matching the filters (first page only)" },
      count: { type: "integer" },
      next_cursor: { type: ["string", "null"] },
      links: { type: "object", additionalProperties: { type: ["string", "null"] } },
      data: { type: "array", items: rowRef },
    },
  };
}

function downloadSchema(rowRef: Obj): Obj {
  return {
    type: "object",
    properties: {
      ...meta,
      title: { type: "string" },
      dictionary: { type: "string" },
      rows: { type: "array", items: rowRef },
    },
  };
}

export function openApiDocument(): Obj {
  const paths: Obj = {
    "/api/v1": {
      get: {
        operationId: "list_datasets",
        summary: "Every dataset with its URLs",
        responses: {
          "200": {
            description: "The dataset list",
            content: { "application/json": { schema: { $ref: "#/components/schemas/DatasetList" } } },
          },
          "429": commonErrors["429"],
        },
      },
    },
    "/api/v1/openapi.json": {
      get: {
        operationId: "openapi",
        summary: "This document",
        responses: {
          "200": {
            description: "OpenAPI 3.1 document",
            content: { "application/json": { schema: { type: "object" } } },
          },
        },
      },
    },
  };
  for (const d of datasets) Object.assign(paths, datasetPaths(d));
  const schemas: Obj = {
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: { type: "string" },
        parameter: { type: "string", description: "The query parameter at fault" },
      },
    },
    DatasetList: {
      type: "object",
      properties: { datasets: { type: "array", items: { type: "object", additionalProperties: true } } },
    },
  };
  for (const d of datasets) schemas[schemaName(d)] = strip(rowJsonSchema(d));
  return {
    openapi: "3.1.0",
    info: {
      title: "Daylight open data API",
      version: "1.0.0",
      description:
        "Read-only access to the published, privacy-protected record of the city's drones, cameras, plate readers, Community Safety Officers, budget and findings. No key needed; limited per address per minute. Every field is described in the data dictionary at /data.",
    },
    servers: [{ url: "/" }],
    tags: datasets.map((d) => ({ name: d.title, description: d.summary })),
    paths,
    components: { schemas },
  };
}
