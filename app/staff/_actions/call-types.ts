"use server";
import { z } from "zod";
import { formValues } from "@/lib/content/action-state";
import { MAPPING_SCOPE_LABELS } from "@/lib/ingest/call-type-map";
import { action } from "@/server/action";
import { mapCallType } from "@/server/content/call-types";
import { publishSoon } from "@/server/jobs";

const mapSchema = z.object({
  raw: z.string().trim().min(1, "There is no call type to map").max(200),
  scope: z.enum(["drones", "cso", "alpr"], { error: "Say which records the mapping is for" }),
  category: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, "Choose a category"),
});

export const mapCallTypeAction = action({ roles: ["staff", "admin"], schema: mapSchema }, async (ctx) => {
  const { raw, category, scope } = ctx.data;
  const r = await mapCallType(ctx.tx, ctx.actor, raw, category, scope);
  if (!r.ok) return { ok: false, message: r.message, values: formValues(ctx.formData) };
  ctx.afterCommit(() => publishSoon("call-type-mapping"));
  // The list is not re-rendered here: the mapped value's card (and with it this message) would
  // vanish at once. Publication picks the new categories up on its next run.
  const n = r.flights + r.csoCalls + r.searches;
  return {
    ok: true,
    message: `"${raw}" now maps to ${r.label} for ${MAPPING_SCOPE_LABELS[scope]}: ${n} record${n === 1 ? "" : "s"} reclassified (${r.flights} flights, ${r.csoCalls} CSO calls, ${r.searches} plate-reader searches).`,
    link: { href: "/staff/call-types", label: "See the call types still to classify" },
  };
});
