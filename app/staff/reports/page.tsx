import Link from "next/link";
import { listPrograms } from "@/db/queries/public/content";
import { listNarratives, listRecordsRequests } from "@/db/queries/staff/reports";
import { ActionForm, type FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { city } from "@/lib/config/city";
import { localDate } from "@/lib/time";
import { formatDate } from "@/lib/format/numbers";
import { REPORT_SECTION_TITLES, reportYears } from "@/lib/reports/annual";
import { parseReportParams } from "@/lib/reports/params";
import { RECORDS_REQUEST_OUTCOMES, REPORT_SECTIONS } from "@/lib/vocab";
import { addRecordsRequestAction, saveNarrativeAction } from "../_actions/reports";

export const dynamic = "force-dynamic";
export const metadata = { title: "Annual reports · Staff" };

const OUTCOME_LABELS: Record<string, string> = {
  pending: "Still open",
  fulfilled: "Fulfilled",
  partially_fulfilled: "Partly fulfilled",
  no_records: "No records found",
  denied: "Denied",
};

type Search = Promise<{ program?: string; year?: string }>;

export default async function StaffReports({ searchParams }: { searchParams: Search }) {
  await requireRolePage("staff", "admin");
  const c = city();
  const years = reportYears(c.pilot.start, localDate(new Date(), c.timeZone));
  const programs = await listPrograms();
  const q = await searchParams;
  const chosen = parseReportParams({
    program: typeof q.program === "string" ? q.program : (programs[0]?.slug ?? ""),
    year: typeof q.year === "string" ? q.year : String(years[0]),
  });
  const [notes, requests] = await Promise.all([
    chosen ? listNarratives(chosen) : Promise.resolve([]),
    listRecordsRequests(),
  ]);
  const programOptions = programs.map((p) => ({ value: p.slug, label: p.name }));
  const requestFields: FieldSpec[] = [
    { name: "program", label: "Technology", type: "select", options: programOptions, required: true },
    { name: "receivedOn", label: "Received on", type: "date", required: true },
    { name: "closedOn", label: "Closed on", type: "date", hint: "Leave empty while the request is open." },
    {
      name: "outcome",
      label: "Outcome",
      type: "select",
      required: true,
      options: RECORDS_REQUEST_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] })),
    },
  ];
  return (
    <>
      <h1>Annual surveillance reports</h1>
      <p className="muted">
        The figures of each report come from the published records at every publication. Here staff write the text of
        each section and record public records requests.
      </p>
      <form method="get" className="no-print" aria-label="Choose a report">
        <label>
          Technology{" "}
          <select name="program" defaultValue={chosen?.program}>
            {programOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Year{" "}
          <select name="year" defaultValue={chosen ? String(chosen.year) : undefined}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>{" "}
        <button type="submit">Open</button>
      </form>
      {!chosen ? (
        <p role="alert" className="notice">
          That technology or year is not one this page knows; choose one above.
        </p>
      ) : (
        <>
          <h2>
            Section text for {programs.find((p) => p.slug === chosen.program)?.name ?? chosen.program}, {chosen.year}{" "}
            <small>
              (<Link href={`/reports/${chosen.program}/${chosen.year}`}>see the report</Link>)
            </small>
          </h2>
          {REPORT_SECTIONS.map((s) => (
            <section key={s} className="card" style={{ marginBottom: "0.75rem" }} aria-label={REPORT_SECTION_TITLES[s]}>
              <h3>{REPORT_SECTION_TITLES[s]}</h3>
              <ActionForm
                action={saveNarrativeAction}
                submitLabel="Save section text"
                label={`Text of ${REPORT_SECTION_TITLES[s]}`}
                fields={[
                  { name: "program", label: "Technology", type: "hidden", defaultValue: chosen.program },
                  { name: "year", label: "Year", type: "hidden", defaultValue: String(chosen.year) },
                  { name: "section", label: "Section", type: "hidden", defaultValue: s },
                  {
                    name: "body",
                    label: "Text (Markdown; public as written; empty removes it)",
                    type: "textarea",
                    rows: 4,
                    defaultValue: notes.find((n) => n.section === s)?.body ?? "",
                  },
                ]}
              />
            </section>
          ))}
        </>
      )}
      <h2>Public records requests</h2>
      <p className="muted">
        Only dates and outcomes are kept: never who asked or what they asked for. Each report counts the requests
        received in its year.
      </p>
      <ActionForm
        action={addRecordsRequestAction}
        fields={requestFields}
        submitLabel="Add request"
        label="Add a records request"
      />
      {requests.length === 0 ? (
        <p>No request recorded yet.</p>
      ) : (
        <table>
          <caption>Latest requests</caption>
          <thead>
            <tr>
              <th scope="col">Technology</th>
              <th scope="col">Received</th>
              <th scope="col">Closed</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((r) => (
              <tr key={r.id}>
                <td>{r.program}</td>
                <td>{formatDate(r.receivedOn)}</td>
                <td>{r.closedOn ? formatDate(r.closedOn) : "open"}</td>
                <td>{OUTCOME_LABELS[r.outcome]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
