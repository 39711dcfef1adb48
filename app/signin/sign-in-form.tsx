"use client";
import { useActionState } from "react";
import { FormResult } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/content/action-state";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(signInAction, {});
  const err = (k: string) => state.errors?.[k]?.join(" ");
  return (
    <form action={action} className="signin-form" aria-label="Sign in" noValidate>
      <FormResult state={state} />
      <input type="hidden" name="next" value={state.values?.next ?? next} />
      <p>
        <label htmlFor="email">Email</label>
        <br />
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.values?.email ?? ""}
          aria-invalid={err("email") ? true : undefined}
          aria-describedby={err("email") ? "email-error" : undefined}
        />
        {err("email") ? (
          <span id="email-error" className="field-error">
            <br />
            {err("email")}
          </span>
        ) : null}
      </p>
      <p>
        <label htmlFor="password">Password</label>
        <br />
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={err("password") ? true : undefined}
          aria-describedby={err("password") ? "password-error" : undefined}
        />
        {err("password") ? (
          <span id="password-error" className="field-error">
            <br />
            {err("password")}
          </span>
        ) : null}
      </p>
      <p>
        <label htmlFor="code">6-digit code from your authenticator app</label>
        <br />
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" aria-describedby="code-hint" />
        <br />
        <span id="code-hint" className="muted">
          Lost your phone? Enter one of your recovery codes instead. Leave empty only if you have not set up two-step
          sign-in yet.
        </span>
      </p>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
