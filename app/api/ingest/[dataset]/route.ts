// POST /api/ingest/<dataset>: a source system uploads an export with its API token. The body is the
// file itself (text/csv, application/json, application/geo+json); ?format=&dryRun=&partial=.
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { getDb } from "@/db/client";
import { afterImport } from "@/server/ingest/after-import";
import { afterImportSoon } from "@/server/jobs";
import { importFile } from "@/server/ingest/import-file";
import { authenticateToken } from "@/server/ingest/tokens";
import { city } from "@/lib/config/city";
import { limits } from "@/lib/ingest/limits";
import { formatBytes } from "@/lib/ingest/read";
import { describeError } from "@/lib/ingest/report";
import { bearerToken } from "@/lib/ingest/tokens";
import { DATASETS, type FileKind } from "@/lib/ingest/types";
import { appSecrets } from "@/lib/secrets";
import { AppError, type ErrorCode } from "@/lib/errors";
import { errorResponse } from "@/server/route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .optional()
  .transform((v) => v === "true" || v === "1" || v === "yes" || v === "");
const query = z
  .object({
    format: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, "format must be a format name")
      .optional(),
    dryRun: flag,
    partial: flag,
  })
  .strict();
const datasetParam = z
  .string()
  .transform((s) => s.toLowerCase().replace(/-/g, "_"))
  .pipe(z.enum(DATASETS));

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

function kindOf(contentType: string | null): FileKind | undefined | "unsupported" {
  const t = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (t === "text/csv" || t === "application/csv" || t === "text/plain") return "csv";
  if (t === "application/json" || t === "application/geo+json") return "json";
  if (t === "" || t === "application/octet-stream") return undefined;
  return "unsupported";
}

const NO_STORE = { "Cache-Control": "no-store" };
/** A refusal in the one body shape `{ error, code }`, with any details beside it. */
const refuse = (code: ErrorCode, message: string, details: Record<string, unknown> = {}, headers = {}) =>
  errorResponse(new AppError(code, message), details, { ...NO_STORE, ...headers });

const FAILURE_CODE = {
  too_large: "too_large",
  unreadable: "bad_request",
  format: "bad_request",
  unknown_format: "bad_request",
  rows: "unprocessable",
  internal: "internal",
} as const satisfies Record<string, ErrorCode>;

export async function POST(request: Request, ctx: { params: Promise<{ dataset: string }> }) {
  const token = bearerToken(request.headers.get("authorization"));
  const unauthorized = () =>
    refuse(
      "unauthorized",
      "A valid API token is required: Authorization: Bearer <token>",
      {},
      { "WWW-Authenticate": 'Bearer realm="daylight-ingest"' },
    );
  if (!token) return unauthorized();
  try {
    const db = await getDb();
    const apiToken = await authenticateToken(db, token);
    if (!apiToken) return unauthorized();

    const ds = datasetParam.safeParse((await ctx.params).dataset);
    if (!ds.success) return refuse("not_found", `Unknown dataset. Datasets: ${DATASETS.join(", ")}`);
    const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) {
      const i = q.error.issues[0];
      const param = i.code === "unrecognized_keys" ? i.keys.join(", ") : i.path.join(".");
      return refuse("bad_request", `Bad query parameter ${param}: ${i.message}`, { parameter: param });
    }
    const kind = kindOf(request.headers.get("content-type"));
    if (kind === "unsupported") {
      return refuse(
        "unsupported_media_type",
        "Send the file as the body: text/csv, application/json or application/geo+json",
      );
    }
    const lim = limits();
    const declared = Number(request.headers.get("content-length") ?? "0");
    if (declared > lim.maxHttpBytes) {
      return refuse("too_large", `The file is larger than the ${formatBytes(lim.maxHttpBytes)} limit`);
    }
    if (!request.body) return refuse("bad_request", "The request has no body: send the file as the body");

    const c = city();
    const r = await importFile(db, request.body as unknown as AsyncIterable<Uint8Array>, {
      dataset: ds.data,
      fileName: request.headers.get("x-file-name")?.slice(0, 200) || `upload.${kind ?? "dat"}`,
      format: q.data.format,
      kind,
      dryRun: q.data.dryRun,
      partial: q.data.partial,
      source: apiToken.source,
      maxBytes: lim.maxHttpBytes,
      limits: lim,
      timeZone: c.timeZone,
      region: c.region,
      defaultAgency: c.lawEnforcementAgency,
      pseudonymKey: appSecrets().pseudonymKey,
      actor: {
        type: "token",
        id: String(apiToken.id),
        label: `token:${apiToken.name} (${apiToken.prefix}…)`,
        tokenId: apiToken.id,
        ip: clientIp(request.headers),
      },
    });
    const body: Record<string, unknown> = {
      status: r.status,
      runId: r.runId,
      dataset: r.dataset,
      format: r.format,
      sha256: r.sha256,
      rowsRead: r.rowsRead,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      created: r.created,
      // Call types with no mapping yet (imported as "Not yet classified") and non-fatal warnings.
      unmapped: r.unmapped,
      warnings: r.warnings,
      errors: r.errors.map((e) => ({ ...e, message: describeError(e, r.position) })),
      moreErrors: r.moreErrors,
    };
    if (r.status === "failed") {
      const failure = r.failure ?? "rows";
      if (failure === "internal") console.error(`ingest run ${r.runId} failed: ${r.fileError}`);
      const message =
        failure === "internal"
          ? "The import failed and nothing was changed."
          : (r.fileError ?? "Nothing was imported: some rows are invalid. Fix them, or send ?partial=true.");
      return refuse(FAILURE_CODE[failure], message, body);
    }
    if (r.status !== "dry_run" && (await afterImportSoon())) {
      body.published = {
        queued: true,
        message: "Anomaly flags and publication follow in the background within a minute.",
      };
    } else if (r.status !== "dry_run") {
      const after = await afterImport(db, c.timeZone);
      for (const p of after.problems) console.error(`after ingest run ${r.runId}: ${p}`);
      body.published = after.publishRunId
        ? { runId: after.publishRunId }
        : { error: "Imported, but publishing failed; an operator must run daylight publish." };
    }
    return json(200, body);
  } catch (e) {
    console.error("ingest request failed:", (e as Error).message);
    return refuse("internal", "The import failed and nothing was changed.");
  }
}
