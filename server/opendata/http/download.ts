import "server-only";
// Whole-dataset downloads, streamed in keyset batches: memory holds one batch, never the file.
// The stream pulls the next batch only when the client has read the previous one (backpressure).
import { stringify } from "csv-stringify/sync";
import { csvColumns } from "@/lib/opendata/dictionary";
import { toCsvCells, toJsonRow } from "@/lib/opendata/suppressed";
import type { Batch, DatasetDef, DatasetReader, PublicationInfo } from "@/lib/opendata/types";
import { CORS_HEADERS, cacheControl } from "./respond";

export const DOWNLOAD_BATCH = 2000;

type DownloadArgs = {
  def: DatasetDef;
  reader: DatasetReader;
  filters: Record<string, unknown>;
  filterParams: Record<string, string>;
  format: "csv" | "json";
  publication: PublicationInfo;
  headers?: Record<string, string>;
  batchSize?: number;
  /** Already fetched: the first batch (see downloadResponse). */
  first?: Batch<Record<string, unknown>>;
};

/**
 * The first batch is read before the status line goes out: a query that fails then gets an error
 * answer, not a 200 that breaks off mid-file (parameters are validated before this is called).
 */
export async function downloadResponse(a: DownloadArgs): Promise<Response> {
  const first = await a.reader.batch(a.filters, null, a.batchSize ?? DOWNLOAD_BATCH);
  return streamResponse({ ...a, first });
}

function streamResponse(a: DownloadArgs): Response {
  const stamp = (a.publication?.asOf ?? new Date()).toISOString().slice(0, 10);
  const filtered = Object.keys(a.filterParams).length ? "-filtered" : "";
  const filename = `${a.def.slug}${filtered}-${stamp}.${a.format}`;
  const body = a.format === "csv" ? csvStream(a) : jsonStream(a);
  return new Response(body, {
    status: 200,
    headers: {
      ...CORS_HEADERS,
      ...a.headers,
      "Content-Type": a.format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": cacheControl(a.def.source),
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Batches of rows in order, each fetched only when asked for. */
async function* batches(a: DownloadArgs): AsyncGenerator<Record<string, unknown>[]> {
  let after: unknown[] | null = null;
  let pending = a.first;
  do {
    const b: Batch<Record<string, unknown>> =
      pending ?? (await a.reader.batch(a.filters, after, a.batchSize ?? DOWNLOAD_BATCH));
    pending = undefined;
    if (b.rows.length) yield b.rows;
    after = b.next;
  } while (after);
}

function toStream(chunks: AsyncGenerator<string, void>): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(enc.encode(value));
        } catch (e) {
          controller.error(e);
        }
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 1 },
  );
}

export function csvStream(a: DownloadArgs): ReadableStream<Uint8Array> {
  const columns = csvColumns(a.def);
  async function* gen() {
    yield stringify([columns]);
    for await (const rows of batches(a)) {
      yield stringify(rows.map((r) => toCsvCells(a.def, columns, r)));
    }
  }
  return toStream(gen());
}

export function jsonStream(a: DownloadArgs): ReadableStream<Uint8Array> {
  async function* gen() {
    const head = {
      dataset: a.def.slug,
      title: a.def.title,
      as_of: a.publication?.asOf.toISOString() ?? null,
      rules_version: a.publication?.rulesVersion ?? null,
      filters: a.filterParams,
      dictionary: `/data#${a.def.slug}`,
    };
    yield `${JSON.stringify(head).slice(0, -1)},"rows":[`;
    let first = true;
    for await (const rows of batches(a)) {
      const text = rows.map((r) => JSON.stringify(toJsonRow(a.def, r))).join(",\n");
      yield (first ? "\n" : ",\n") + text;
      first = false;
    }
    yield "\n]}\n";
  }
  return toStream(gen());
}
