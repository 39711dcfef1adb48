import Link from "next/link";
import { listMeetings } from "@/db/queries/public/content";
import { ActionForm } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { formatDate } from "@/lib/format/numbers";
import { createMeetingAction } from "../_actions/costs";
import { programOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Council meetings · Staff" };

export default async function StaffMeetings() {
  await requireRolePage("staff", "admin");
  const [meetings, programs] = await Promise.all([listMeetings(), programOptions("All programs")]);
  return (
    <>
      <h1>Council meetings</h1>
      <h2>Add a meeting</h2>
      <ActionForm
        action={createMeetingAction}
        label="New council meeting"
        submitLabel="Add meeting"
        fields={[
          { name: "meetingDate", label: "Date", type: "date", required: true },
          { name: "title", label: "Title", required: true },
          { name: "location", label: "Location" },
          { name: "summary", label: "Summary", type: "textarea", rows: 3 },
          { name: "agendaTitle", label: "Agenda item", hint: "An item that links to the scorecard for a period." },
          { name: "program", label: "Program", type: "select", options: programs },
          { name: "periodStart", label: "Scorecard period from", type: "date" },
          { name: "periodEnd", label: "Scorecard period to", type: "date" },
        ]}
      />
      <h2>Meetings</h2>
      <ul>
        {meetings.map((m) => (
          <li key={m.id}>
            {formatDate(m.meetingDate)}: {m.title}
            <ul>
              {m.agenda.map((a) => (
                <li key={a.id}>
                  {a.title}
                  {a.periodStart && a.periodEnd ? (
                    <>
                      {" "}
                      (
                      <Link href={`/council?from=${a.periodStart}&to=${a.periodEnd}`}>
                        scorecard {a.periodStart} to {a.periodEnd}
                      </Link>
                      )
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}
