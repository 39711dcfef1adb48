"use client";
import { useActionState } from "react";
import { FormResult } from "@/components/forms/action-form";
import { createUserAction, manageUserAction, type CreateState, type ManageState } from "./actions";

const ROLE_OPTIONS = ["staff", "council", "auditor", "admin"];
const confirmLabel: Record<string, string> = {
  disable: "Yes, disable",
  enable: "Yes, enable",
  reset_mfa: "Yes, reset two-step",
  sign_out: "Yes, sign out everywhere",
  set_role: "Yes, change the role",
};

export function ManageUserForm({ email, role, disabled }: { email: string; role: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<ManageState, FormData>(manageUserAction, {});
  const id = email.replace(/[^a-z0-9]/gi, "-");
  if (state.confirm)
    return (
      <form action={action} aria-label={`Confirm change to ${email}`}>
        <p role="alert">{state.confirm.question}</p>
        <input type="hidden" name="email" value={email} />
        <input type="hidden" name="currentRole" value={role} />
        {state.confirm.role ? <input type="hidden" name="role" value={state.confirm.role} /> : null}
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" name="op" value={state.confirm.op} disabled={pending}>
          {confirmLabel[state.confirm.op]}
        </button>{" "}
        <button type="submit" name="op" value="cancel" className="secondary" disabled={pending}>
          Cancel
        </button>
      </form>
    );
  return (
    <form action={action} aria-label={`Manage ${email}`}>
      <FormResult state={state} />
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="currentRole" value={role} />
      <label htmlFor={`role-${id}`} className="visually-hidden">
        Role for {email}
      </label>
      <select id={`role-${id}`} name="role" defaultValue={role}>
        {ROLE_OPTIONS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>{" "}
      <button type="submit" name="op" value="set_role" className="secondary" disabled={pending}>
        Set role
      </button>{" "}
      {disabled ? (
        <button type="submit" name="op" value="enable" className="secondary" disabled={pending}>
          Enable
        </button>
      ) : (
        <button type="submit" name="op" value="disable" className="secondary" disabled={pending}>
          Disable
        </button>
      )}{" "}
      <button type="submit" name="op" value="reset_mfa" className="secondary" disabled={pending}>
        Reset two-step
      </button>{" "}
      <button type="submit" name="op" value="sign_out" className="secondary" disabled={pending}>
        Sign out everywhere
      </button>
    </form>
  );
}

export function CreateUserForm() {
  const [state, action, pending] = useActionState<CreateState, FormData>(createUserAction, {});
  const err = (k: string) => state.errors?.[k]?.join(" ");
  const field = (name: string, label: string, type = "text", auto?: string) => (
    <p>
      <label htmlFor={`new-${name}`}>{label}</label>
      <br />
      <input
        id={`new-${name}`}
        name={name}
        type={type}
        autoComplete={auto}
        defaultValue={state.ok ? "" : (state.values?.[name] ?? "")}
        aria-invalid={err(name) ? true : undefined}
        aria-describedby={err(name) ? `new-${name}-error` : undefined}
      />
      {err(name) ? (
        <span id={`new-${name}-error`} className="field-error">
          {" "}
          {err(name)}
        </span>
      ) : null}
    </p>
  );
  return (
    <form action={action} aria-label="Create an account">
      <FormResult state={state} />
      {field("email", "Email", "email", "off")}
      {field("name", "Name")}
      <p>
        <label htmlFor="new-role">Role</label>
        <br />
        <select id="new-role" name="role" defaultValue="council">
          {ROLE_OPTIONS.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </p>
      {field("password", "Temporary password (at least 12 characters)", "password", "new-password")}
      <p className="muted">
        Tell them this password by a separate channel. At first sign-in they set up their own two-step sign-in; you
        never see their authenticator secret or recovery codes.
      </p>
      <button type="submit" disabled={pending}>
        Create account
      </button>
    </form>
  );
}
