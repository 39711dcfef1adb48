import { connection } from "next/server";
import Link from "next/link";
import { listPublicFindings, recordsOfFindings } from "@/db/queries/public/findings";
import { formatCount } from "@/lib/format/numbers";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("findings.title");

const PROGRAM_LABELS: Record<string, string> = {
  drones: "Drone flights",
  watch_center: "Camera access",
  plate_readers: "Plate-reader searches",
};

const RECORD_LABELS: Record<string, string> = {
  drone_flight: "Drone flight",
  camera_access: "Camera access",
  alpr_search: "Plate-reader search",
};

export default async function FindingsPage() {
  await connection();
  const [rows, covered] = await Promise.all([listPublicFindings(), recordsOfFindings({ limit: 50 })]);
  return (
    <>
      <h1>
        <Tr k="findings.h1" />
      </h1>
      <p className="lede">
        Council staff and auditors review flagged drone flights, camera accesses and plate-reader searches. When a
        review finds something worth reporting, it becomes a finding; once an auditor closes it, its outcome and a
        summary written for residents appear here. Names and case numbers are never published.
      </p>
      {rows.length === 0 ? (
        <p>No closed findings have been published yet.</p>
      ) : (
        <ol className="plain">
          {rows.map((f) => (
            <li key={f.number} id={`finding-${f.number}`}>
              <h2>
                Finding #{f.number}: {f.outcomeLabel}
              </h2>
              <p>
                {f.programs
                  .split(",")
                  .map((p) => PROGRAM_LABELS[p] ?? p)
                  .join(", ")}
                ; {formatCount(f.records)} {f.records === 1 ? "record" : "records"} from {f.periodStart}
                {f.periodEnd !== f.periodStart ? ` to ${f.periodEnd}` : ""}; closed {f.closedOn}.
              </p>
              <p>{f.summary}</p>
              {(covered.get(f.number)?.length ?? 0) > 0 && (
                <details>
                  <summary>
                    Records covered that are published
                    {f.records > (covered.get(f.number)?.length ?? 0)
                      ? " (some are still inside their publication delay, or not all are listed)"
                      : ""}
                  </summary>
                  <ul aria-label={`Records covered by finding #${f.number}`}>
                    {covered.get(f.number)!.map((r) => (
                      <li key={`${r.recordType}:${r.publicId}`}>
                        <Link href={r.href}>
                          {RECORD_LABELS[r.recordType] ?? r.recordType} {r.publicId}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
