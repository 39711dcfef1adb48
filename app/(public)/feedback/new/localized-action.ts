"use server";
// The feedback form's action in the reader's language: the English action, its answer translated
// for the Spanish page (i18n/feedback-es.ts). The action itself (and its checks) is unchanged.
import { getLocale } from "next-intl/server";
import type { ActionState } from "@/lib/content/action-state";
import { feedbackStateEs } from "@/i18n/feedback-es";
import { sendFeedbackAction } from "./actions";

export async function sendFeedbackLocalized(state: ActionState, formData: FormData): Promise<ActionState> {
  const result = await sendFeedbackAction(state, formData);
  return (await getLocale()) === "es" ? feedbackStateEs(result) : result;
}
