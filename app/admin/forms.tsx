"use client";
import { useActionState } from "react";
import { FormResult } from "@/components/forms/action-form";
import type { ActionState } from "@/lib/content/action-state";
import { createUserAction, manageUserAction, type CreateState } from "./actions";

const ROLE_OPTIONS = ["staff", "council", "auditor", "admin"];

export function ManageUserForm({ email, role, disabled }: { email: string; role: string; disabled: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(manageUserAction, {});
  const id = email.replace(/[^a-z0-9]/gi, "-");
  return (
    <form action={action} aria-label={`Manage ${email}`}>
      <FormResult state={state} />
      <input type="hidden" name="email" value={email} />
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
      {state.created ? (
        <div className="notice">
          <p>
            TOTP enrollment URI: <code style={{ wordBreak: "break-all" }}>{state.created.totpUri}</code>
          </p>
          <p>
            Secret: <code>{state.created.totpSecret}</code>
          </p>
          <p>
            Recovery codes:{" "}
            {state.created.recoveryCodes.map((c) => (
              <code key={c}>{c} </code>
            ))}
          </p>
        </div>
      ) : null}
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
      {field("password", "Initial password (at least 12 characters)", "password", "new-password")}
      <button type="submit" disabled={pending}>
        Create account
      </button>
    </form>
  );
}
