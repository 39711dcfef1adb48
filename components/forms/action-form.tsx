"use client";
// One form component for staff and resident forms: labelled fields, field errors tied to their
// inputs (aria-describedby), the result message, and the typed values kept after a rejection.
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import { unplacedErrors, type ActionState } from "@/lib/content/action-state";
import styles from "./forms.module.css";

export type Option = { value: string; label: string };
export type FieldSpec = {
  name: string;
  label: string;
  type?: "text" | "textarea" | "select" | "number" | "date" | "datetime-local" | "email" | "hidden" | "radio";
  options?: Option[];
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  rows?: number;
  step?: string;
  autoComplete?: string;
  /** The language the field is written in, when not the page's (a Spanish version). */
  lang?: string;
};

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function FieldControl({ f, state, prefix = "f" }: { f: FieldSpec; state: ActionState; prefix?: string }) {
  // Unique per form: several forms on one page share field names.
  const t = useTranslations("Forms");
  const id = `${prefix}-${f.name}`;
  const errors = state.errors?.[f.name];
  const value = state.values?.[f.name] ?? f.defaultValue ?? "";
  const described =
    [f.hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  // Keyed by the value to show: React resets a form after each action to the controls' defaults,
  // so a control remounts with what the person submitted rather than the original default.
  const common = {
    key: `${f.name}:${value}`,
    id,
    name: f.name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": described,
    required: f.required,
    lang: f.lang,
  };
  if (f.type === "hidden") return <input type="hidden" name={f.name} value={value} />;
  let control: React.ReactNode;
  const { key, ...rest } = common;
  if (f.type === "textarea") control = <textarea key={key} {...rest} defaultValue={value} rows={f.rows ?? 6} />;
  else if (f.type === "select") {
    control = (
      <select key={key} {...rest} defaultValue={value}>
        {f.options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  } else if (f.type === "radio") {
    return (
      <fieldset className={styles.field} aria-describedby={described}>
        <legend>{f.label}</legend>
        {f.options?.map((o) => (
          <label key={`${o.value}:${value}`} className={styles.radio}>
            <input type="radio" name={f.name} value={o.value} defaultChecked={value === o.value} /> {o.label}
          </label>
        ))}
        {f.hint && (
          <p id={`${id}-hint`} className="muted">
            {f.hint}
          </p>
        )}
        {errors?.length ? (
          <p id={`${id}-error`} className="field-error">
            {errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
    );
  } else
    control = (
      <input
        key={key}
        {...rest}
        type={f.type ?? "text"}
        defaultValue={value}
        step={f.step}
        autoComplete={f.autoComplete}
      />
    );
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {f.label}
        {f.required ? "" : <span className="muted">{t("optional")}</span>}
      </label>
      {f.hint && (
        <p id={`${id}-hint`} className={`muted ${styles.hint}`}>
          {f.hint}
        </p>
      )}
      {control}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function FormResult({ state, shown }: { state: ActionState; shown?: string[] }) {
  if (!state.message) return null;
  const extra = shown ? unplacedErrors(state, shown) : [];
  return (
    <div role={state.ok ? "status" : "alert"} className={state.ok ? styles.ok : styles.bad}>
      {state.message} {extra.length > 0 && extra.join(" ")}{" "}
      {state.link && <a href={state.link.href}>{state.link.label}</a>}
    </div>
  );
}

export function ActionForm({
  action,
  fields,
  submitLabel,
  inline,
  children,
  label,
}: {
  action: Action;
  fields: FieldSpec[];
  submitLabel: string;
  inline?: boolean;
  children?: React.ReactNode;
  label?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const prefix = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  return (
    <form action={formAction} className={inline ? styles.inline : styles.form} aria-label={label} noValidate>
      <FormResult state={state} shown={fields.filter((f) => f.type !== "hidden").map((f) => f.name)} />
      {fields.map((f) => (
        <FieldControl key={f.name} f={f} state={state} prefix={`f${prefix}`} />
      ))}
      {children}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
