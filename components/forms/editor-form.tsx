"use client";
// A form whose main field is Markdown with live preview (program updates, policy versions).
import { useActionState } from "react";
import type { ActionState } from "@/lib/content/action-state";
import { FieldControl, FormResult, type FieldSpec } from "./action-form";
import { MarkdownEditor } from "./markdown-editor";
import styles from "./forms.module.css";

export function EditorForm({
  action,
  preview,
  fields,
  bodyName,
  bodyLabel,
  bodyDefault,
  afterFields,
  submitLabel,
}: {
  action: (s: ActionState, f: FormData) => Promise<ActionState>;
  preview: (markdown: string) => Promise<string>;
  fields: FieldSpec[];
  bodyName: string;
  bodyLabel: string;
  bodyDefault: string;
  afterFields?: FieldSpec[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={styles.form} style={{ maxWidth: "none" }} noValidate>
      <FormResult state={state} />
      {fields.map((f) => (
        <FieldControl key={f.name} f={f} state={state} />
      ))}
      <MarkdownEditor
        name={bodyName}
        label={bodyLabel}
        defaultValue={state.values?.[bodyName] ?? bodyDefault}
        error={state.errors?.[bodyName]}
        preview={preview}
      />
      {afterFields?.map((f) => (
        <FieldControl key={f.name} f={f} state={state} />
      ))}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
