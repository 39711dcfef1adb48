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
        to an append-only audit log. Each entry carries a fingerprint (a SHA-256 hash) of the entry before it, so
        changing or deleting any past entry changes every fingerprint after it.
      </p>
      <p>
        Once a day the portal publishes the latest fingerprint and the number of entries here. Anyone can save this
        page: if the log were ever rewritten, the fingerprint for a past day would no longer match what was published.
        Auditors check the whole chain with <code>daylight audit verify</code>.
      </p>
      {rows.length === 0 ? (
        <p className="notice">No checkpoint has been published yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Published checkpoints, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col" className="num">
                  Entries in the log
                </th>
                <th scope="col" className="num">
                  Latest entry
                </th>
                <th scope="col">Fingerprint of the latest entry (SHA-256)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.day}>
                  <th scope="row">{r.day}</th>
                  <td className="num">{r.rowCount.toLocaleString("en-US")}</td>
                  <td className="num">#{r.headId}</td>
                  <td>
                    <code style={{ wordBreak: "break-all" }}>{r.headHash}</code>
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
