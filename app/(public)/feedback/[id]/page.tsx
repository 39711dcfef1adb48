// One complaint's public page: what it is about, its status history and the published outcome.
// The resident's words and contact details are never shown.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { complaintStatusChanges } from "@/db/queries/public/complaint-history";
import { publicComplaint } from "@/db/queries/public/complaints";
import { statusHistory } from "@/lib/content/complaint-status";
import { targetLabel } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";

export const metadata = { title: "Complaint status | Daylight" };

const RECORD_PATH: Record<string, (ref: string) => string> = {
  flight: (ref) => `/drones/flights/${ref}`,
  policy: (ref) => `/policies/${ref}`,
  access: (ref) => `/cameras/access-log/${ref}`,
  search: (ref) => `/plate-readers/searches/${ref}`,
};

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const [c, changes] = await Promise.all([
    publicComplaint({ id: Number(raw) }),
    complaintStatusChanges({ id: Number(raw) }),
  ]);
  if (!c) notFound();
  const tz = city().timeZone;
  const what = c.kind === "complaint" ? "Complaint" : "Feedback";
  const about = targetLabel(c.targetType, c.targetRef);
  const recordHref = c.targetRef ? RECORD_PATH[c.targetType]?.(c.targetRef) : undefined;
  return (
    <>
      <p className="muted">
        <Link href="/feedback">Community feedback</Link>
      </p>
      <h1>
        {what} #{c.id}
      </h1>
      <p>
        About {recordHref ? <Link href={recordHref}>{about}</Link> : about}
        {c.programName ? ` (${c.programName})` : ""}. What the resident wrote is not published.
      </p>
      <h2>Status history</h2>
      <ol aria-label="Status history">
        {statusHistory(c, changes).map((s, i) => (
          <li key={i} aria-current={s.current ? "step" : undefined}>
            <strong>{s.label}</strong>
            {s.at ? `: ${formatInstant(s.at, tz)}` : ""}
            {s.current ? " (current)" : ""}
          </li>
        ))}
      </ol>
      <h2>Outcome</h2>
      <p>{c.outcome ?? "No outcome has been published yet."}</p>
    </>
  );
}
