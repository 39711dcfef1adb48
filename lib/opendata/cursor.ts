// Opaque cursors for keyset pagination: the dataset, the publication they were issued under,
// and the sort key of the last row returned. Opaque so clients do not build them by hand.
import { z } from "zod";

const keyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const payload = z.object({
  v: z.literal(1),
  d: z.string(),
  p: z.number().int().nullable(),
  k: z.array(keyValue).min(1),
});
export type CursorPayload = { dataset: string; publication: number | null; key: unknown[] };

export class CursorError extends Error {}

export function encodeCursor(c: CursorPayload): string {
  const json = JSON.stringify({ v: 1, d: c.dataset, p: c.publication, k: c.key.map(normalize) });
  return Buffer.from(json, "utf8").toString("base64url");
}

export function decodeCursor(raw: string, dataset: string): CursorPayload {
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new CursorError("cursor is not valid: pass the next_cursor value of a previous response unchanged");
  }
  if (parsed.d !== dataset) throw new CursorError(`cursor belongs to the dataset "${parsed.d}", not "${dataset}"`);
  return { dataset: parsed.d, publication: parsed.p, key: parsed.k };
}

/** Dates travel as ISO strings; the query layer turns them back into what it compares. */
function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "bigint") return Number(v);
  return v ?? null;
}
