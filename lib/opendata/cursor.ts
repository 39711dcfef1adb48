// Opaque cursors for keyset pagination: the dataset, the publication they were issued under,
// and the sort key of the last row returned. Signed with an HMAC keyed by a server secret, so a
// hand-made or edited cursor is a 400 before any of it reaches a query.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "../errors";

const keyValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const payload = z.object({
  v: z.literal(1),
  d: z.string(),
  p: z.number().int().nullable(),
  k: z.array(keyValue).min(1).max(10),
});
export type CursorPayload = { dataset: string; publication: number | null; key: unknown[] };

/** A hand-made, edited or stale cursor: a 400 in the caller's words. */
export class CursorError extends AppError {
  constructor(message: string) {
    super("bad_request", message);
    this.name = "CursorError";
  }
}

const INVALID = "cursor is not valid: pass the next_cursor value of a previous response unchanged";

function sign(body: string, key: string): Buffer {
  return createHmac("sha256", key).update(body).digest().subarray(0, 16);
}

export function encodeCursor(c: CursorPayload, key: string): string {
  const json = JSON.stringify({ v: 1, d: c.dataset, p: c.publication, k: c.key.map(normalize) });
  const body = Buffer.from(json, "utf8").toString("base64url");
  return `${body}.${sign(body, key).toString("base64url")}`;
}

export function decodeCursor(raw: string, dataset: string, key: string): CursorPayload {
  const [body, mac, ...rest] = raw.split(".");
  if (!body || !mac || rest.length > 0) throw new CursorError(INVALID);
  const given = Buffer.from(mac, "base64url");
  const expected = sign(body, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new CursorError(INVALID);
  let parsed: z.infer<typeof payload>;
  try {
    parsed = payload.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    throw new CursorError(INVALID);
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
