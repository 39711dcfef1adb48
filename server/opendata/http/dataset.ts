import "server-only";
// GET /api/v1/<dataset>[.csv|.json]: one page of JSON with a cursor, or the whole filtered set as a file.
import { getDataset } from "@/lib/opendata/registry";
import { createHmac } from "node:crypto";
import { appSecrets } from "@/lib/secrets";
import { encodeCursor } from "@/lib/opendata/cursor";
import { toJsonRow } from "@/lib/opendata/suppressed";
import { ParamError, parseQuery, type ParsedQuery } from "@/lib/opendata/params";
import type { DatasetDef, PublicationInfo } from "@/lib/opendata/types";
import { cacheControl, jsonWithEtag, limit, problem } from "./respond";
import { downloadResponse } from "./download";
import type { OpenDataSource } from "@/lib/opendata/source";

/** The cursors' HMAC key, derived from the session secret so no new secret needs configuring. */
export function cursorKey(): string {
  return createHmac("sha256", appSecrets().authSecret).update("daylight/opendata-cursor/v1").digest("base64url");
}

export async function handleDatasetGet(req: Request, segment: string, src: OpenDataSource): Promise<Response> {
  const gate = await limit(req);
  if ("blocked" in gate) return gate.blocked;
  const m = /^([a-z0-9-]+?)(?:\.(csv|json))?$/.exec(segment);
  const def = m ? getDataset(m[1]) : undefined;
  const reader = def ? src.reader(def.slug) : undefined;
  if (!m || !def || !reader) return problem(404, `No dataset called "${segment}". The list is at /api/v1 and /data.`);
  let q: ParsedQuery;
  try {
    q = parseQuery(def, new URL(req.url).searchParams, cursorKey());
  } catch (e) {
    if (e instanceof ParamError) return problem(400, e.message, gate.headers, e.parameter);
    throw e;
  }
  const refused = await reader.refuse?.(q.filters);
  if (refused) return problem(400, refused.message, gate.headers, refused.parameter);
  const format = (m[2] as "csv" | "json" | undefined) ?? q.format;
  const publication = await src.publication();
  if (format) {
    if (q.after)
      return problem(
        400,
        'Invalid parameter "cursor": downloads always contain every matching row',
        gate.headers,
        "cursor",
      );
    return downloadResponse({
      def,
      reader,
      filters: q.filters,
      filterParams: q.filterParams,
      format,
      publication,
      headers: gate.headers,
    });
  }
  const stale =
    def.source === "publication" &&
    q.cursorPublication !== null &&
    publication &&
    q.cursorPublication !== publication.runId;
  if (stale) {
    return problem(
      409,
      "The data was republished after this cursor was issued. Start again from the first page (no cursor).",
      gate.headers,
      "cursor",
    );
  }
  const batch = await reader.batch(q.filters, q.after, q.limit);
  const total = q.after ? undefined : await reader.count(q.filters);
  const nextCursor = batch.next
    ? encodeCursor({ dataset: def.slug, publication: publication?.runId ?? null, key: batch.next }, cursorKey())
    : null;
  const body = {
    dataset: def.slug,
    title: def.title,
    ...publicationFields(publication),
    filters: q.filterParams,
    ...(total === undefined ? {} : { total }),
    count: batch.rows.length,
    next_cursor: nextCursor,
    links: links(def, q, nextCursor),
    data: batch.rows.map((r) => toJsonRow(def, r)),
  };
  const headers: Record<string, string> = { ...gate.headers, "Cache-Control": cacheControl(def.source) };
  if (nextCursor) headers.Link = `<${links(def, q, nextCursor).next}>; rel="next"`;
  return jsonWithEtag(req, body, headers);
}

export function publicationFields(p: PublicationInfo) {
  return {
    as_of: p?.asOf.toISOString() ?? null,
    published_at: p?.finishedAt?.toISOString() ?? null,
    rules_version: p?.rulesVersion ?? null,
  };
}

function links(def: DatasetDef, q: ParsedQuery, nextCursor: string | null) {
  const qs = new URLSearchParams(q.filterParams);
  const withQs = (path: string, extra: Record<string, string> = {}) => {
    const all = new URLSearchParams(qs);
    for (const [k, v] of Object.entries(extra)) all.set(k, v);
    const s = all.toString();
    return s ? `${path}?${s}` : path;
  };
  return {
    self: withQs(`/api/v1/${def.slug}`),
    next: nextCursor ? withQs(`/api/v1/${def.slug}`, { cursor: nextCursor, limit: String(q.limit) }) : null,
    csv: withQs(`/api/v1/${def.slug}.csv`),
    json: withQs(`/api/v1/${def.slug}.json`),
    page: withQs(def.pagePath),
    dictionary: `/data#${def.slug}`,
  };
}
