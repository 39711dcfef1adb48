// What each account-management action does, in the words the admin confirms before it happens.
export type ManageOp = "disable" | "enable" | "reset_mfa" | "sign_out" | "set_role";

/** Enabling an account undoes nothing; every other change is confirmed first. */
export function needsConfirmation(op: ManageOp): boolean {
  return op !== "enable";
}

export function confirmQuestion(o: { op: ManageOp; email: string; role?: string; currentRole?: string }): string {
  switch (o.op) {
    case "disable":
      return `Disable ${o.email}? They are signed out now and cannot sign in until an administrator enables the account.`;
    case "reset_mfa":
      return `Reset two-step sign-in for ${o.email}? They are signed out and must set up their authenticator again at next sign-in.`;
    case "sign_out":
      return `Sign ${o.email} out everywhere? Every session of theirs ends now.`;
    case "set_role":
      return `Change the role of ${o.email}${o.currentRole ? ` from ${o.currentRole}` : ""} to ${o.role ?? "(none)"}?`;
    case "enable":
      return `Enable ${o.email}?`;
  }
}
