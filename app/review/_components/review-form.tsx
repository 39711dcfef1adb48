"use client";
// A small action form for the review area. Unlike the shared ActionForm, field ids carry a
// per-form prefix, because one page holds several of these forms with the same field names.
import { useActionState } from "react";
import { FormResult } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/content/action-state";

export type ReviewField =
  | { name: string; type: "hidden"; value: string }
  | { name: string; type: "textarea"; label: string; required?: boolean }
  | { name: string; type: "date"; label: string; required?: boolean; defaultValue?: string }
  | { name: string; type: "select"; label: string; options: { value: string; label: string }[]; required?: boolean };

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function ReviewForm({
  action,
  idPrefix,
  label,
  submitLabel,
  fields,
}: {
  action: Action;
  idPrefix: string;
  label: string;
  submitLabel: string;
  fields: ReviewField[];
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={label}>
      <FormResult state={state} />
      {fields.map((f) => {
        if (f.type === "hidden") return <input key={f.name} type="hidden" name={f.name} value={f.value} />;
        const id = `${idPrefix}-${f.name}`;
        const err = state.errors?.[f.name]?.join(" ");
        const a11y = {
          id,
          name: f.name,
          required: f.required,
          "aria-invalid": err ? true : undefined,
          "aria-describedby": err ? `${id}-error` : undefined,
        };
        return (
          <p key={f.name}>
            <label htmlFor={id}>
              {f.label}
              {f.required ? "" : <span className="muted"> (optional)</span>}
            </label>
            <br />
            {f.type === "date" ? (
              <input {...a11y} type="date" defaultValue={state.values?.[f.name] ?? f.defaultValue ?? ""} />
            ) : f.type === "textarea" ? (
              <textarea {...a11y} rows={2} cols={36} defaultValue={state.ok ? "" : (state.values?.[f.name] ?? "")} />
            ) : (
              <select {...a11y} defaultValue={state.values?.[f.name] ?? f.options[0]?.value}>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            {err ? (
              <span id={`${id}-error`} className="field-error">
                <br />
                {err}
              </span>
            ) : null}
          </p>
        );
      })}
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}
