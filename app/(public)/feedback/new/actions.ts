"use server";
// A resident's feedback: no account (a public action). Honeypot and a per-address rate limit keep spam out; the
// target is checked against the published record it names.
import { headers } from "next/headers";
import { fileFeedback } from "@/db/queries/public/content";
import { resolveFeedbackContext, saveFeedbackContext } from "@/db/queries/public/feedback-context";
import { resolveFeedbackTarget } from "@/db/queries/public/feedback-target";
import { clientIp } from "@/lib/auth/client-ip";
import { formValues } from "@/lib/content/action-state";
import { feedbackFormSchema, parseTarget } from "@/lib/content/feedback";
import { takeFeedbackSlot } from "@/server/limits/feedback";
import { action } from "@/server/action";

export const sendFeedbackAction = action({ public: true, schema: feedbackFormSchema }, async (ctx) => {
  const d = ctx.data;
  const formData = ctx.formData;
  // Bots fill every field; people never see this one. Say thanks and store nothing.
  if (d.website && d.website.trim() !== "") return { ok: true, message: "Thank you. Your feedback has been received." };
  const wait = await takeFeedbackSlot(clientIp(await headers()) ?? "unknown");
  if (wait !== null)
    return {
      ok: false,
      message: `Too many messages from your connection. Please try again in ${wait} minute${wait === 1 ? "" : "s"}.`,
      values: formValues(formData),
    };
  const target = parseTarget(d.target);
  if (d.target && d.target !== "" && target.type === "general")
    return { ok: false, message: "That link does not name a record we publish.", values: formValues(formData) };
  const resolved = await resolveFeedbackTarget({ db: ctx.tx, target });
  if (!resolved.found)
    return {
      ok: false,
      message: `${resolved.message} Check the link, or send general feedback without it.`,
      values: formValues(formData),
    };
  const context = await resolveFeedbackContext({ db: ctx.tx, area: d.area, theme: d.theme });
  if (!context.ok)
    return {
      ok: false,
      message: "Please correct the fields marked below.",
      errors: { [context.field]: [context.message] },
      values: formValues(formData),
    };
  const { id } = await fileFeedback({
    db: ctx.tx,
    kind: d.kind,
    programSlug: d.program,
    targetType: target.type,
    targetRef: target.ref,
    body: d.body,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
  });
  await saveFeedbackContext({ db: ctx.tx, feedbackId: id, context: context.context });
  return {
    ok: true,
    message: `Thank you. Your ${d.kind} has been received (reference #${id}). Staff review every message; follow its status and outcome at /feedback/${id}.`,
    link: { href: "/feedback", label: "See feedback counts and outcomes" },
  };
});
