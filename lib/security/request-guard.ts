// Requests refused before any route sees them, with a plain 4xx instead of the 500 Next would
// give: a path whose percent-encoding does not decode (e.g. /updates/%FF), and bodies larger
// than any form needs (uploads to /api/ingest have their own, larger limit).
import { decodeSegment } from "../validation/params";

/** Forms, server actions and sign-in never need more than this. */
export const MAX_FORM_BYTES = 1024 * 1024;
const OWN_LIMIT = /^\/api\/ingest(\/|$)/;

export type Refusal = { status: 400 | 413; message: string };

export function refuseRequest(r: { method: string; pathname: string; contentLength: string | null }): Refusal | null {
  if (r.pathname.split("/").some((seg) => decodeSegment(seg) === null))
    return { status: 400, message: "Bad request: the address contains malformed characters." };
  if (r.method !== "GET" && r.method !== "HEAD" && !OWN_LIMIT.test(r.pathname) && r.contentLength !== null) {
    const n = Number(r.contentLength);
    if (!Number.isFinite(n) || n < 0) return { status: 400, message: "Bad request: invalid Content-Length." };
    if (n > MAX_FORM_BYTES)
      return { status: 413, message: `Too large: a form may send at most ${MAX_FORM_BYTES / 1024 / 1024} MB.` };
  }
  return null;
}
