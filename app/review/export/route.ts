// POST /review/export: raw records as a watermarked CSV, after the reviewer re-enters a TOTP
// code. Checks the role itself (proxy.ts is not a guard) and logs every attempt.
import { z } from "zod";
import { getDb } from "@/db/client";
import { allAccess } from "@/db/queries/review/access";
import { allAlpr } from "@/db/queries/review/alpr";
import { allFlights } from "@/db/queries/review/flights";
import { appendAudit } from "@/server/audit/log";
import { city } from "@/lib/config/city";
import { watermarkedCsv, watermarkText } from "@/lib/audit/watermark";
import { auditActor, authErrorResponse, requireRole } from "@/server/auth/dal";
import { verifyUserTotp } from "@/server/auth/reauth";
import { accessFiltersFrom } from "../_lib/access-filters";
import { alprFiltersFrom } from "../_lib/alpr-filters";
import { flightFiltersFrom } from "../_lib/flight-filters";

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
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0]?.message ?? "Invalid request." }, { status: 400 });
  const filterParams = Object.fromEntries(
    Object.entries(raw)
      .filter(([k]) => k.startsWith("f_"))
      .map(([k, v]) => [k.slice(2), v]),
  );
  const db = await getDb();
  const actor = await auditActor(user);
  const { dataset, code } = parsed.data;
  const check = await verifyUserTotp(db, user.id, code);
  if (check !== "ok") {
    // The reason (e.g. a reused code) goes to the audit log only; the reviewer sees one message.
    await appendAudit(db, {
      ...actor,
      action: "export.denied",
      targetType: dataset,
      details: { reason: check, filters: filterParams },
    });
    return Response.json(
      {
        error:
          "Export refused: the two-step code did not match. Each code works once, so after signing in wait for the next code your app shows, then try again.",
      },
      { status: 403 },
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
