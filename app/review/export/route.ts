// POST /review/export: raw records as a watermarked CSV, after the reviewer re-enters a TOTP
// code. Checks the role itself (proxy.ts is not a guard) and logs every attempt. A refused code
// sent by the page's own form goes back to that form with the reason beside the code field;
// other callers get JSON.
import { z } from "zod";
import { getDb } from "@/db/client";
import { allAccess } from "@/db/queries/review/access";
import { allAlpr } from "@/db/queries/review/alpr";
import { allFlights } from "@/db/queries/review/flights";
import { appendAudit } from "@/server/audit/log";
import { auditRefusal } from "@/server/auth/refusals";
import { city } from "@/lib/config/city";
import { watermarkedCsv, watermarkText } from "@/lib/audit/watermark";
import { auditActor, authErrorResponse, requireRole } from "@/server/auth/dal";
import { verifyUserTotp } from "@/server/auth/reauth";
import { accessFiltersFrom } from "../_lib/access-filters";
import { alprFiltersFrom } from "../_lib/alpr-filters";
import { flightFiltersFrom } from "../_lib/flight-filters";
import { EXPORT_PAGES, type ExportError } from "./errors";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  dataset: z.enum(["camera_access", "drone_flight", "alpr_search"]),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});

const COLUMNS = {
  camera_access: [
    "id",
    "startedAt",
    "endedAt",
    "userName",
    "userRole",
    "agencyName",
    "cameraName",
    "cameraSite",
    "operation",
    "footageStart",
    "footageEnd",
    "reasonCode",
    "reasonText",
    "caseNumber",
    "sharedWith",
    "source",
    "externalId",
  ],
  drone_flight: [
    "id",
    "callNumber",
    "category",
    "launchedAt",
    "onSceneAt",
    "landedAt",
    "dockName",
    "pilotName",
    "destLat",
    "destLon",
    "distanceFlownM",
    "outcome",
    "description",
    "source",
    "externalId",
  ],
  alpr_search: [
    "id",
    "searchedAt",
    "userName",
    "agencyName",
    "reason",
    "offenseType",
    "caseNumber",
    "networkCount",
    "source",
    "externalId",
  ],
} as const;

export async function POST(req: Request): Promise<Response> {
  let user;
  try {
    user = await requireRole("council", "auditor");
  } catch (e) {
    const r = authErrorResponse(e);
    if (r) return r;
    throw e;
  }
  const form = await req.formData().catch(() => null);
  const raw = form
    ? (Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>)
    : {};
  const filterParams = Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k.startsWith("f_") && k !== "f_export_error")
      .map(([k, v]) => [k.slice(2), v]),
  );
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success)
    return (
      backToForm(req, raw.dataset, filterParams, "invalid_code") ??
      Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid request." }, { status: 400 })
    );
  const db = await getDb();
  const actor = await auditActor(user);
  const { dataset, code } = parsed.data;
  const check = await verifyUserTotp(db, user.id, code);
  if (check !== "ok") {
    // The reason (e.g. a reused code) goes to the audit log only; the reviewer sees one message.
    await auditRefusal(db, {
      action: "export.denied",
      user,
      ip: actor.ip,
      reason: check,
      targetType: dataset,
      details: { filters: filterParams },
    });
    return (
      backToForm(req, dataset, filterParams, "bad_code") ??
      Response.json(
        {
          error:
            "Export refused: the two-step code did not match. Each code works once, so after signing in wait for the next code your app shows, then try again.",
        },
        { status: 403 },
      )
    );
  }
  const rows: Record<string, unknown>[] =
    dataset === "camera_access"
      ? await allAccess(db, accessFiltersFrom(filterParams).filters)
      : dataset === "drone_flight"
        ? await allFlights(db, flightFiltersFrom(filterParams).filters)
        : await allAlpr(db, alprFiltersFrom(filterParams).filters);
  const at = new Date();
  const { csv, sha256 } = watermarkedCsv(
    rows,
    [...COLUMNS[dataset]],
    watermarkText(user.name, user.email, at),
    city().timeZone,
  );
  await appendAudit(db, {
    ...actor,
    action: "export.raw",
    targetType: dataset,
    details: { filters: filterParams, rows: rows.length, sha256 },
  });
  const file = `daylight-${dataset.replace("_", "-")}-${at.toISOString().slice(0, 19).replace(/[:T]/g, "")}.csv`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}

/**
 * A browser submitting the page's form (a navigation) is sent back to that page, its filters kept
 * and the reason shown beside the code field; the path comes from the dataset, never the request.
 */
function backToForm(
  req: Request,
  dataset: string | undefined,
  filters: Record<string, string>,
  error: ExportError,
): Response | null {
  const navigating =
    req.headers.get("sec-fetch-mode") === "navigate" || (req.headers.get("accept") ?? "").includes("text/html");
  const page =
    dataset && Object.hasOwn(EXPORT_PAGES, dataset) ? EXPORT_PAGES[dataset as keyof typeof EXPORT_PAGES] : null;
  if (!navigating || !page) return null;
  const qs = new URLSearchParams(filters);
  qs.set("export_error", error);
  return new Response(null, {
    status: 303,
    headers: { Location: `${page}?${qs.toString()}#export-${dataset}`, "Cache-Control": "no-store" },
  });
}
