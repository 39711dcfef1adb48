// The shape every staff/resident form action returns to useActionState, and the zod step that
// turns FormData into typed input or field errors.
import type { z } from "zod";

export type ActionState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  /** What the person typed, so a rejected form is shown back filled in. */
  values?: Record<string, string>;
  /** Where the saved thing can be seen, if anywhere. */
  link?: { href: string; label: string };
};

export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Parses the form with the schema; on failure returns the state to show, with field errors. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): { data: z.infer<S> } | { state: ActionState } {
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? "form");
    (errors[key] ??= []).push(issue.message);
  }
  return { state: { ok: false, message: "Please correct the fields marked below.", errors, values } };
}

/** A use case's refusal of one field's value, for a rule the form's schema cannot check alone. */
export type Refused = { refused: { field: string; message: string } };
export const refused = (field: string, message: string): Refused => ({ refused: { field, message } });

/** The form state for a refusal: the message beside its field, the form shown back filled in. */
export function refusedState(r: Refused, formData: FormData): ActionState {
  return {
    ok: false,
    message: "Please correct the fields marked below.",
    errors: { [r.refused.field]: [r.refused.message] },
    values: formValues(formData),
  };
}

/** Empty string or a field the form did not send → null, for optional inputs. */
export const blankToNull = (v: unknown) => (v === undefined || (typeof v === "string" && v.trim() === "") ? null : v);

/** Field errors the form has no visible control for, so a rejection never points at nothing. */
export function unplacedErrors(state: ActionState, shown: string[]): string[] {
  return Object.entries(state.errors ?? {})
    .filter(([name]) => !shown.includes(name))
    .flatMap(([, messages]) => messages ?? []);
}
