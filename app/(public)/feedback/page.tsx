import Link from "next/link";
import { connection } from "next/server";
import { feedbackCounts, resolvedComplaints } from "@/db/queries/public/content";
import { statusLabels } from "@/lib/content/feedback";
import { localDate } from "@/lib/time";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";
import { formatDate } from "@/lib/format/numbers";
import { city } from "@/lib/config/city";

export const metadata = { title: "Community feedback" };
const order = ["new", "triaged", "in_progress", "resolved", "dismissed"] as const;

export default async function FeedbackPage() {
  await connection();
  const [counts, outcomes] = await Promise.all([feedbackCounts(), resolvedComplaints()]);
  const programs = [...new Map(counts.map((c) => [c.programSlug ?? "", c.programName ?? "General"])).entries()].sort(
    (a, b) => a[1].localeCompare(b[1]),
  );
  const cell = (p: string, kind: string, status: string) =>
    counts
      .filter((c) => (c.programSlug ?? "") === p && c.kind === kind && c.status === status)
      .reduce((s, c) => s + Number(c.n), 0);
  return (
    <>
      <h1>Community feedback and complaints</h1>
      <p className="lede">
        Anyone can send feedback or a complaint about a program, a policy, a drone flight or a camera access; no account
        is needed. Staff review each one. Contact details are optional and never published.
      </p>
      <p>
        <Link className="button" href="/feedback/new">
          Send feedback or a complaint
        </Link>
      </p>
      {(["complaint", "feedback"] as const).map((kind) => (
        <div className="table-wrap" key={kind}>
          <table className="stack">
            <caption>{kind === "complaint" ? "Complaints" : "Other feedback"} by program and status</caption>
            <thead>
              <tr>
                <th scope="col">Program</th>
                {order.map((s) => (
                  <th key={s} scope="col" className="num">
                    {statusLabels[s]}
                  </th>
                ))}
                <th scope="col" className="num">
                  Total
                </th>
              </tr>
            </thead>
            <tbody>
              {programs.map(([slug, name]) => (
                <tr key={slug}>
                  <th scope="row" data-label="Program">
                    {name}
                  </th>
                  {order.map((s) => (
                    <td key={s} className="num" data-label={statusLabels[s]}>
                      {cell(slug, kind, s)}
                    </td>
                  ))}
                  <td className="num" data-label="Total">
                    {order.reduce((t, s) => t + cell(slug, kind, s), 0)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>Resolved complaints</h2>
      {outcomes.length === 0 ? (
        <p>No complaints have been resolved yet.</p>
      ) : (
        <ul>
          {outcomes.map((o) => (
            <li key={o.id}>
              <strong>{o.programName ?? "General"}</strong>
              {o.targetType === "flight" && o.targetRef && PUBLIC_ID_PATTERN.test(o.targetRef) ? (
                <>
                  {" "}
                  (<Link href={`/drones/flights/${o.targetRef}`}>flight</Link>)
                </>
              ) : o.targetType === "policy" && o.targetRef ? (
                <>
                  {" "}
                  (<Link href={`/policies/${o.targetRef}`}>policy</Link>)
                </>
              ) : null}
              {o.resolvedAt ? `, resolved ${formatDate(localDate(o.resolvedAt, city().timeZone))}` : ""}: {o.outcome}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
