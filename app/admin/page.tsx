import type { Metadata } from "next";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { listUsers } from "@/server/auth/users";
import { requireRolePage } from "@/server/auth/dal";
import { signOutAction } from "../signin/actions";
import { CreateUserForm, ManageUserForm } from "./forms";
import { JobRunsSection } from "./job-runs";
import { recentJobRuns } from "@/db/queries/admin/job-runs";
import { city } from "@/lib/config/city";

export const metadata: Metadata = { title: "Accounts — Daylight admin" };

export default async function AdminPage() {
  await connection();
  const me = await requireRolePage("admin");
  const rows = await listUsers(await getDb());
  const now = new Date();
  return (
    <>
      <h1>Accounts</h1>
      <p className="lede">
        Portal accounts and their roles. Every change here is written to the audit log. Disabling an account or
        resetting its two-step sign-in ends its sessions on their next request.
      </p>
      <form action={signOutAction}>
        <p>
          Signed in as <strong>{me.name}</strong>.{" "}
          <button type="submit" className="secondary">
            Sign out
          </button>
        </p>
      </form>
      <div className="table-wrap">
        <table>
          <caption>Accounts</caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Manage</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  {u.email}
                  {u.isDemo ? " (demo)" : ""}
                </th>
                <td>{u.name}</td>
                <td>{u.role}</td>
                <td>
                  {u.disabledAt
                    ? "Disabled"
                    : u.lockedUntil && u.lockedUntil > now
                      ? "Locked (failed sign-ins)"
                      : "Active"}
                  {u.mfa ? "" : ", two-step not set up"}
                </td>
                <td>
                  <ManageUserForm email={u.email} role={u.role} disabled={Boolean(u.disabledAt)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Create an account</h2>
      <CreateUserForm />
      <JobRunsSection runs={await recentJobRuns(await getDb(), { limit: 30 })} timeZone={city().timeZone} />
    </>
  );
}
