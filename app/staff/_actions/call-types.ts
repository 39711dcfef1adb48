"use server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { formValues, parseForm, type ActionState } from "@/lib/content/action-state";
import { mapCallType } from "@/server/call-types";
import { publishSoon } from "@/server/jobs";
import { requireStaff } from "./guard";

const mapSchema = z.object({
  raw: z.string().trim().min(1, "There is no call type to map").max(200),
  category: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,63}$/, "Choose a category"),
});

export async function mapCallTypeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(mapSchema, formData);
  if ("state" in parsed) return parsed.state;
  const r = await mapCallType(await getDb(), g.actor, parsed.data.raw, parsed.data.category);
  if (!r.ok) return { ok: false, message: r.message, values: formValues(formData) };
  await publishSoon("call-type-mapping");
  // The list is not re-rendered here: the mapped value's card (and with it this message) would
  // vanish at once. Publication picks the new categories up on its next run.
  const n = r.flights + r.csoCalls;
  return {
    ok: true,
    message: `"${parsed.data.raw}" now maps to ${r.label}: ${n} record${n === 1 ? "" : "s"} reclassified (${r.flights} flights, ${r.csoCalls} CSO calls).`,
    link: { href: "/staff/call-types", label: "See the call types still to classify" },
  };
}
