import type { Metadata } from "next";
import { connection } from "next/server";
import { listAuditCheckpoints } from "@/db/queries/public/audit";

export const metadata: Metadata = { title: "Audit log checkpoints — Daylight" };

export default async function AuditCheckpointsPage() {
  await connection();
  const rows = await listAuditCheckpoints();
  return (
    <>
      <h1>Audit log checkpoints</h1>
      <p className="lede">
        Every sign-in, every look at raw records by reviewers, every export and every change in this portal is written
        to an append-only audit log. Each entry carries a fingerprint of the entry before it, computed with a secret key
        kept outside the database (an HMAC), so changing or deleting any past entry breaks every fingerprint after it,
        and someone who can only edit the database cannot recompute them.
      </p>
      <p>
        With every publication, and at least every hour, the portal publishes a checkpoint here: the latest entry, its
        fingerprint and the number of entries, signed with the same key. Anyone can save the{" "}
        <a href="/audit/checkpoints.json">checkpoints as JSON</a>: if entries were later removed or rewritten, the log
        would no longer match what was published. Auditors check every entry and every checkpoint with{" "}
        <code>daylight audit verify</code>, and against a saved copy with{" "}
        <code>daylight audit verify --against checkpoints.json</code>.
      </p>
      <p className="notice">Entries newer than the latest checkpoint can only be vouched for by the next one.</p>
      {rows.length === 0 ? (
        <p className="notice">No checkpoint has been published yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Published checkpoints, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Taken (UTC)</th>
                <th scope="col" className="num">
                  Entries in the log
                </th>
                <th scope="col" className="num">
                  Latest entry
                </th>
                <th scope="col">Fingerprint of the latest entry</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.at.toISOString()}-${r.headId}`}>
                  <th scope="row">
                    {r.at.toISOString().slice(0, 16).replace("T", " ")} ({r.reason})
                  </th>
                  <td className="num">{r.rowCount.toLocaleString("en-US")}</td>
                  <td className="num">#{r.headId}</td>
                  <td>
                    <code style={{ wordBreak: "break-all" }}>{r.headHash}</code>
                  </td>
                  <td>
                    {r.signature ? (
                      <code style={{ wordBreak: "break-all" }}>{r.signature}</code>
                    ) : (
                      "none (before the audit key)"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
