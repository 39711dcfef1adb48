"use client";
import { useActionState } from "react";
import { FormResult } from "@/components/forms/action-form";
import { confirmEnrollmentAction, type EnrollState } from "../actions";

export function EnrollForm() {
  const [state, action, pending] = useActionState<EnrollState, FormData>(confirmEnrollmentAction, {});
  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="codes-h">
        <FormResult state={state} />
        <h2 id="codes-h">Your recovery codes</h2>
        <p>
          Each code signs you in once if you lose your phone. They are shown only now: print them or keep them in a
          password manager.
        </p>
        <ul data-testid="recovery-codes">
          {state.recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <p>
          <a className="button" href="/signin/continue">
            Continue
          </a>
        </p>
      </section>
    );
  }
  const err = state.errors?.code?.join(" ");
  return (
    <form action={action} aria-label="Confirm two-step sign-in">
      <FormResult state={state} />
      <p>
        <label htmlFor="code">6-digit code</label>
        <br />
        <input
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          aria-invalid={err ? true : undefined}
          aria-describedby={err ? "code-error" : undefined}
        />
        {err ? (
          <span id="code-error" className="field-error">
            {" "}
            {err}
          </span>
        ) : null}
      </p>
      <button type="submit" disabled={pending}>
        Turn on two-step sign-in
      </button>
    </form>
  );
}
