import Link from "next/link";
import { listAllUpdates, listFeedbackForTriage, listTargets } from "@/db/queries/staff/content";
import { listCurrentPolicies } from "@/db/queries/public/content";
import { requireRolePage } from "@/server/auth/dal";

export const dynamic = "force-dynamic";
export const metadata = { title: "Staff" };

export default async function StaffHome() {
  const user = await requireRolePage("staff", "admin");
  const [updates, policies, targets, feedback] = await Promise.all([
    listAllUpdates(),
    listCurrentPolicies(),
    listTargets(),
    listFeedbackForTriage(),
  ]);
  const drafts = updates.filter((u) => u.status === "draft").length;
  const open = feedback.filter(
    (f) => f.f.status === "new" || f.f.status === "triaged" || f.f.status === "in_progress",
  ).length;
  return (
    <>
      <h1>Community safety staff</h1>
      <p className="lede">
        Signed in as {user.name}. Everything you publish here is public as written, and every change is recorded in the
        audit log.
      </p>
      <ul className="cards">
        <li className="card">
          <h2 style={{ margin: 0, fontSize: "1rem" }}>
            <Link href="/staff/updates">Program updates</Link>
          </h2>
          <p className="metric">{updates.length}</p>
          <p className="muted">
            {drafts} draft{drafts === 1 ? "" : "s"}
          </p>
        </li>
        <li className="card">
          <h2 style={{ margin: 0, fontSize: "1rem" }}>
            <Link href="/staff/policies">Policies</Link>
          </h2>
          <p className="metric">{policies.length}</p>
          <p className="muted">use policies in force</p>
        </li>
        <li className="card">
          <h2 style={{ margin: 0, fontSize: "1rem" }}>
            <Link href="/staff/targets">Metric targets</Link>
          </h2>
          <p className="metric">{targets.length}</p>
          <p className="muted">shown on the council scorecard</p>
        </li>
        <li className="card">
          <h2 style={{ margin: 0, fontSize: "1rem" }}>
            <Link href="/staff/feedback">Community feedback</Link>
          </h2>
          <p className="metric">{open}</p>
          <p className="muted">waiting for triage or a resolution</p>
        </li>
      </ul>
      <p>
        <Link className="button" href="/staff/updates/new">
          Write an update
        </Link>
      </p>
    </>
  );
}
