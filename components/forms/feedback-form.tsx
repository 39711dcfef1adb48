"use client";
// The resident feedback form: labelled fields, field errors, and a honeypot field that is hidden
// from people (and from assistive technology) but filled in by bots.
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
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  target: string;
  defaultKind: string;
  defaultProgram: string;
  programs: Option[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  if (state.ok) return <FormResult state={state} />;
  return (
    <form action={formAction} className={styles.form} noValidate aria-label="Feedback">
      <FormResult state={state} />
      <input type="hidden" name="target" value={target} />
      <FieldControl
        state={state}
        f={{
          name: "kind",
          label: "What are you sending?",
          type: "radio",
          required: true,
          defaultValue: defaultKind,
          options: [
            { value: "complaint", label: "A complaint" },
            { value: "feedback", label: "Feedback or a question" },
          ],
        }}
      />
      <FieldControl
        state={state}
        f={{
          name: "program",
          label: "Program",
          type: "select",
          required: true,
          defaultValue: defaultProgram,
          options: [{ value: "", label: "Choose a program" }, ...programs],
        }}
      />
      <FieldControl
        state={state}
        f={{
          name: "body",
          label: "Your message",
          type: "textarea",
          required: true,
          rows: 7,
          hint: "Please do not include other people's personal details.",
        }}
      />
      <FieldControl state={state} f={{ name: "contactName", label: "Your name", autoComplete: "name" }} />
      <FieldControl
        state={state}
        f={{
          name: "contactEmail",
          label: "Your email",
          type: "email",
          autoComplete: "email",
          hint: "Only if you would like a reply.",
        }}
      />
      <div className={styles.honeypot} aria-hidden="true">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </button>
      </div>
    </form>
  );
}
