import "server-only";
// Documents that do not read the database: the dataset index and the OpenAPI document.
import { datasets } from "@/lib/opendata/registry";
import { cacheControl, jsonWithEtag, limit } from "./respond";

export async function handleStatic(req: Request, body: unknown): Promise<Response> {
  const gate = await limit(req);
  if ("blocked" in gate) return gate.blocked;
  return jsonWithEtag(req, body, { ...gate.headers, "Cache-Control": cacheControl("static") });
}

export function datasetIndex() {
  return {
    openapi: "/api/v1/openapi.json",
    documentation: "/data/api",
    dictionary: "/data",
    datasets: datasets.map((d) => ({
      slug: d.slug,
      title: d.title,
      summary: d.summary,
      cadence: d.cadence,
      page: d.pagePath,
      api: `/api/v1/${d.slug}`,
      csv: `/api/v1/${d.slug}.csv`,
      json: `/api/v1/${d.slug}.json`,
      dictionary: `/data#${d.slug}`,
      filters: Object.keys(d.filters.shape),
    })),
  };
}
