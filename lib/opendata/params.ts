// Query parameters of /api/v1/<dataset>: the dataset's filters (the same names as on its page)
// plus cursor, limit and format. Anything else, or a bad value, is a 400 naming the parameter.
import { z } from "zod";
import { AppError } from "../errors";
import { textProblem } from "../validation/params";
import { CursorError, decodeCursor } from "./cursor";
import type { DatasetDef } from "./types";

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
export const FORMATS = ["json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

export const pagingParams = z.object({
  cursor: z
    .string()
    .max(2000)
    .optional()
    .meta({ description: "next_cursor from the previous page; omit for the first page" }),
  limit: z.coerce
    .number({ message: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`)
    .default(DEFAULT_LIMIT)
    .meta({ description: `Rows per page (1 to ${MAX_LIMIT}, default ${DEFAULT_LIMIT})` }),
  format: z.enum(FORMATS, { message: "must be json or csv" }).optional().meta({
    description: "csv or json: download every matching row as a file instead of one page",
  }),
});

export type ParsedQuery = {
  filters: Record<string, unknown>;
  /** The filter parameters as given (non-empty), to echo back and to build links. */
  filterParams: Record<string, string>;
  after: unknown[] | null;
  cursorPublication: number | null;
  limit: number;
  format?: Format;
};

export class ParamError extends AppError {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super("bad_request", `Invalid parameter "${parameter}": ${message}`);
    this.name = "ParamError";
  }
}

/** `cursorKey` verifies the cursor's HMAC (see cursor.ts). */
export function parseQuery(def: DatasetDef, search: URLSearchParams, cursorKey: string): ParsedQuery {
  const filterKeys = new Set(Object.keys(def.filters.shape));
  const pagingKeys = new Set(Object.keys(pagingParams.shape));
  const filterRaw: Record<string, string> = {};
  const pagingRaw: Record<string, string> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    const keyProblem = textProblem(key, 100);
    if (keyProblem) throw new ParamError(key.slice(0, 100), `the parameter name ${keyProblem}`);
    if (values.length > 1) throw new ParamError(key, "given more than once");
    // Every value, whatever its schema: no control characters, broken Unicode or huge strings.
    const valueProblem = textProblem(values[0]);
    if (valueProblem) throw new ParamError(key, valueProblem);
    if (filterKeys.has(key)) filterRaw[key] = values[0];
    else if (pagingKeys.has(key)) pagingRaw[key] = values[0];
    else {
      const known = [...filterKeys, ...pagingKeys].join(", ");
      throw new ParamError(key, `unknown parameter for ${def.slug} (known: ${known})`);
    }
  }
  const f = def.filters.safeParse(filterRaw);
  if (!f.success) throw fromIssue(f.error);
  const p = pagingParams.safeParse(pagingRaw);
  if (!p.success) throw fromIssue(p.error);
  let after: unknown[] | null = null;
  let cursorPublication: number | null = null;
  if (p.data.cursor) {
    try {
      const c = decodeCursor(p.data.cursor, def.slug, cursorKey);
      after = c.key;
      cursorPublication = c.publication;
    } catch (e) {
      if (e instanceof CursorError) throw new ParamError("cursor", e.message);
      throw e;
    }
  }
  const filterParams = Object.fromEntries(Object.entries(filterRaw).filter(([, v]) => v !== ""));
  return { filters: f.data, filterParams, after, cursorPublication, limit: p.data.limit, format: p.data.format };
}

function fromIssue(err: z.ZodError): ParamError {
  const issue = err.issues[0];
  return new ParamError(String(issue.path[0] ?? "query"), issue.message);
}
