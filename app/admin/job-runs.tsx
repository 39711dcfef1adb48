// Recent background job attempts (server/jobs): what ran, when, how often it was tried, and why it failed.
import type { JobRun } from "@/db/queries/admin/job-runs";
import { dateTimeFormat } from "@/lib/format/intl";
import { formatDuration } from "@/lib/format/numbers";

const STATUS_WORDS: Record<JobRun["status"], string> = {
  running: "running",
  succeeded: "succeeded",
  retrying: "failed, will retry",
  failed: "failed",
};

export function JobRunsSection({ runs, timeZone }: { runs: JobRun[]; timeZone: string }) {
  const when = dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "medium" });
  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Background jobs</h2>
      <p>
        Publication runs every hour (DAYLIGHT_PUBLISH_EVERY_MINUTES) and within a minute after an import, a call-type
        mapping, a closed finding or a staff change; anomaly flags after each import. A failed attempt is tried again
        after a growing pause.
      </p>
      {runs.length === 0 ? (
        <p>No background job has run yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Recent job attempts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Started</th>
                <th scope="col">Took</th>
                <th scope="col">Status</th>
                <th scope="col">Attempt</th>
                <th scope="col">Why</th>
                <th scope="col">Result or error</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-job-status={r.status}>
                  <td>{r.job}</td>
                  <td>{when.format(r.startedAt)}</td>
                  <td>
                    {r.finishedAt
                      ? formatDuration(Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000))
                      : "—"}
                  </td>
                  <td>{STATUS_WORDS[r.status]}</td>
                  <td>
                    {r.attempt} of {r.maxAttempts}
                  </td>
                  <td>{typeof r.data.trigger === "string" ? r.data.trigger : "—"}</td>
                  <td>{r.error ?? r.result ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
