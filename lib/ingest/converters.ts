// Small converters from raw cell values to typed values. Each refuses a bad value with an AppError
// ("unprocessable") whose message is a reason a person can act on; the pipeline adds the line and column.
import { AppError } from "../errors";
import type { ConverterSpec } from "./types";
import { localDate, wallTimeToInstant } from "../time";

export type ConvertContext = { timeZone: string };

const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?$/;
// 1/14/2025 11:01:00, 1/14/2025 11:01 AM, 2024/06/13 10:15:00 PM
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;
// Plate-reader organization audits: 11/14/2025, 09:53:36 AM UTC
const MDY_UTC = /(\d{1,2})\/(\d{1,2})\/(\d{4}),?[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?\s*(?:UTC|GMT|Z)\b/gi;
/** How vendors write a value they withheld: "***", "REDACTED", "[redacted]". */
const REDACTED = /^(\*+|\[?redacted\]?|withheld)$/i;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?$/i;

function hour12(h: number, ampm: string | undefined): number {
  if (!ampm) return h;
  const pm = ampm.toUpperCase() === "PM";
  if (h < 1 || h > 12) throw new AppError("unprocessable", `hour ${h} is not valid with ${ampm}`);
  return (h % 12) + (pm ? 12 : 0);
}

function local(ctx: ConvertContext, y: number, mo: number, d: number, h: number, mi: number, s: number, ms = 0): Date {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59)
    throw new AppError("unprocessable", "is not a real date and time");
  const t = wallTimeToInstant(ctx.timeZone, y, mo, d, h, mi, s, ms);
  // Reject 2/31 and friends: the calendar day must survive the round trip.
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1) throw new AppError("unprocessable", "is not a real date");
  return new Date(t);
}

/** ISO 8601 (with or without zone), epoch milliseconds, or US-style M/D/YYYY h:mm[:ss] [AM|PM]; zone-less times are local to the city. */
export function toTimestamp(v: unknown, ctx: ConvertContext): Date {
  if (typeof v === "number") return fromEpoch(v);
  const s = String(v).trim();
  if (/^\d{9,13}(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  if (ISO_ZONED.test(s)) {
    const t = Date.parse(s.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (Number.isNaN(t)) throw new AppError("unprocessable", `"${s}" is not a valid date and time`);
    return new Date(t);
  }
  let m = ISO_LOCAL.exec(s);
  if (m)
    return local(
      ctx,
      +m[1],
      +m[2],
      +m[3],
      +(m[4] ?? 0),
      +(m[5] ?? 0),
      +(m[6] ?? 0),
      m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0,
    );
  const utc = [...s.matchAll(MDY_UTC)];
  if (utc.length === 1 && utc[0][0].length === s.length) return mdyUtc(utc[0]);
  m = MDY.exec(s);
  if (m) return local(ctx, +m[3], +m[1], +m[2], hour12(+(m[4] ?? 0), m[7]), +(m[5] ?? 0), +(m[6] ?? 0));
  m = YMD_SLASH.exec(s);
  if (m) return local(ctx, +m[1], +m[2], +m[3], hour12(+(m[4] ?? 0), m[7]), +(m[5] ?? 0), +(m[6] ?? 0));
  throw new AppError(
    "unprocessable",
    `"${s}" is not a date and time (use ISO 8601, epoch milliseconds or M/D/YYYY h:mm:ss)`,
  );
}

function mdyUtc(m: RegExpMatchArray): Date {
  const [mo, d, y, mi, sec] = [+m[1], +m[2], +m[3], +m[5], +(m[6] ?? 0)];
  const h = hour12(+m[4], m[7]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59)
    throw new AppError("unprocessable", "is not a real date and time");
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  if (t.getUTCDate() !== d) throw new AppError("unprocessable", "is not a real date");
  return t;
}

/** A search window written in one cell (possibly over two lines): its first and last UTC date-times. */
export function timeWindow(v: unknown): { start: Date; end: Date } {
  const found = [...String(v).matchAll(MDY_UTC)].map(mdyUtc);
  if (found.length === 0)
    throw new AppError(
      "unprocessable",
      `"${String(v).replace(/\s+/g, " ").trim()}" has no date and time like 11/14/2025, 09:53:36 AM UTC`,
    );
  return { start: found[0], end: found[found.length - 1] };
}

function fromEpoch(n: number): Date {
  // 10 digits are seconds (until 2286), 13 are milliseconds.
  const ms = n < 1e11 ? n * 1000 : n;
  if (!Number.isFinite(ms)) throw new AppError("unprocessable", `${n} is not a valid epoch time`);
  return new Date(ms);
}

export function toDate(v: unknown, ctx: ConvertContext): string {
  const s = String(v).trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) {
    local(ctx, +m[1], +m[2], +m[3], 0, 0, 0);
    return s;
  }
  const t = toTimestamp(s, ctx);
  return localDate(t, ctx.timeZone);
}

/** "h:mm:ss", "mm:ss" or plain seconds → seconds. */
export function durationHms(v: unknown): number {
  if (typeof v === "number") return v;
  const s = String(v).trim();
  const m = /^(\d+):([0-5]?\d)(?::([0-5]?\d(?:\.\d+)?))?$/.exec(s);
  if (m) return m[3] === undefined ? +m[1] * 60 + +m[2] : +m[1] * 3600 + +m[2] * 60 + Number(m[3]);
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  throw new AppError("unprocessable", `"${s}" is not a duration (use h:mm:ss)`);
}

function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  const s = String(v).trim().replace(/,/g, "");
  const n = Number(s);
  if (s === "" || !Number.isFinite(n)) throw new AppError("unprocessable", `"${String(v)}" is not a number`);
  return n;
}

function toBool(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  const s = String(v).trim().toLowerCase();
  if (["true", "t", "yes", "y", "1"].includes(s)) return true;
  if (["false", "f", "no", "n", "0"].includes(s)) return false;
  throw new AppError("unprocessable", `"${String(v)}" is not yes/no (use true/false)`);
}

/** SF open data writes points as WKT: "POINT (-122.41 37.77)". Returns [lon, lat]. */
function wktPoint(v: unknown): [number, number] {
  if (v && typeof v === "object" && "coordinates" in v) return (v as { coordinates: [number, number] }).coordinates;
  const m = /^POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/i.exec(String(v).trim());
  if (!m) throw new AppError("unprocessable", `"${String(v)}" is not a point (use POINT (lon lat))`);
  return [Number(m[1]), Number(m[2])];
}

function jsonLineString(v: unknown): [number, number][] {
  let g: unknown = v;
  if (typeof v === "string") {
    try {
      g = JSON.parse(v);
    } catch {
      throw new AppError("unprocessable", "is not valid JSON");
    }
  }
  const coords = Array.isArray(g) ? g : (g as { coordinates?: unknown })?.coordinates;
  if (!Array.isArray(coords) || coords.length < 2)
    throw new AppError("unprocessable", "must be a LineString with at least 2 points");
  return coords.map((c) => {
    if (!Array.isArray(c) || c.length < 2 || !c.slice(0, 2).every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw new AppError("unprocessable", "has a point that is not [lon, lat]");
    }
    return [c[0], c[1]] as [number, number];
  });
}

/** Empty cells are "no value", not errors: required-ness is checked by the dataset schema. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A redacted cell ("***", "REDACTED") is no value, like a blank one. */
export function isRedacted(v: unknown): boolean {
  return typeof v === "string" && REDACTED.test(v.trim());
}

export function convert(spec: ConverterSpec, v: unknown, ctx: ConvertContext): unknown {
  if (typeof spec === "object") {
    const key = String(v).trim().toLowerCase();
    const hit = spec.vocab[key];
    if (hit !== undefined) return hit;
    if (spec.otherwise !== undefined) return spec.otherwise;
    const known = Object.keys(spec.vocab);
    throw new AppError(
      "unprocessable",
      `"${String(v)}" is not a known value (known: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", …" : ""})`,
    );
  }
  switch (spec) {
    case "text":
      return String(v).trim();
    case "int": {
      const n = toNumber(v);
      if (!Number.isInteger(n)) throw new AppError("unprocessable", `"${String(v)}" is not a whole number`);
      return n;
    }
    case "number":
      return toNumber(v);
    case "bool":
      return toBool(v);
    case "timestamp":
      return toTimestamp(v, ctx);
    case "date":
      return toDate(v, ctx);
    case "durationHms":
      return durationHms(v);
    case "minutes": {
      const n = toNumber(v);
      if (n < 0) throw new AppError("unprocessable", "must not be negative");
      return n * 60;
    }
    case "wktPoint":
      return wktPoint(v);
    case "list":
      return Array.isArray(v)
        ? v.map((x) => String(x).trim()).filter(Boolean)
        : String(v)
            .split(/[;|]/)
            .map((x) => x.trim())
            .filter(Boolean);
    case "jsonLineString":
      return jsonLineString(v);
    case "dayStart": {
      const [y, mo, d] = toDate(v, ctx).split("-").map(Number);
      return local(ctx, y, mo, d, 0, 0, 0);
    }
    case "redactable":
      return isRedacted(v) ? undefined : String(v).trim();
    case "timeWindow":
      return timeWindow(v);
  }
}
