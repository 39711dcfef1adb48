"use client";
// The resident feedback form: labelled fields, field errors, and a honeypot field that is hidden
// from people (and from assistive technology) but filled in by bots.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/content/action-state";
import { FieldControl, FormResult, type Option } from "./action-form";
import styles from "./forms.module.css";

export function FeedbackForm({
  action,
  target,
  defaultKind,
  defaultProgram,
  programs,
  areas,
  themes,
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  target: string;
  defaultKind: string;
  defaultProgram: string;
  programs: Option[];
  /** The city's areas under the config's word for them ("Division", "Neighborhood"). */
  areas: { label: string; hint: string; options: Option[] };
  /** The well-being themes staff count feedback under (none: the field is left out). */
  themes: { label: string; options: Option[] };
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const t = useTranslations("Feedback");
  if (state.ok) return <FormResult state={state} />;
  return (
    <form action={formAction} className={styles.form} noValidate aria-label={t("form")}>
      <FormResult state={state} />
      <input type="hidden" name="target" value={target} />
      <FieldControl
        state={state}
        f={{
          name: "kind",
          label: t("kind"),
          type: "radio",
          required: true,
          defaultValue: defaultKind,
          options: [
            { value: "complaint", label: t("complaint") },
            { value: "feedback", label: t("feedback") },
          ],
        }}
      />
      <FieldControl
        state={state}
        f={{
          name: "program",
          label: t("program"),
          type: "select",
          required: true,
          defaultValue: defaultProgram,
          options: [{ value: "", label: t("chooseProgram") }, ...programs],
        }}
      />
      <FieldControl
        state={state}
        f={{
          name: "area",
          label: areas.label,
          type: "select",
          hint: areas.hint,
          options: areas.options,
        }}
      />
      {themes.options.length > 1 && (
        <FieldControl
          state={state}
          f={{ name: "theme", label: themes.label, type: "select", options: themes.options }}
        />
      )}
      <FieldControl
        state={state}
        f={{
          name: "body",
          label: t("message"),
          type: "textarea",
          required: true,
          rows: 7,
          hint: t("messageHint"),
        }}
      />
      <FieldControl state={state} f={{ name: "contactName", label: t("name"), autoComplete: "name" }} />
      <FieldControl
        state={state}
        f={{
          name: "contactEmail",
          label: t("email"),
          type: "email",
          autoComplete: "email",
          hint: t("emailHint"),
        }}
      />
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="website">{t("honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? t("sending") : t("submit")}
        </button>
      </div>
    </form>
  );
}
