// One complaint's public page: what it is about, its status history and the published outcome.
// The resident's words and contact details are never shown.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { publicComplaint } from "@/db/queries/public/complaints";
import { statusHistory } from "@/lib/content/complaint-status";
import { targetLabel } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/content/zoned-time";
import { city } from "@/lib/config/city";

export const metadata = { title: "Complaint status | Daylight" };

const RECORD_PATH: Record<string, (ref: string) => string> = {
  flight: (ref) => `/drones/flights/${ref}`,
  policy: (ref) => `/policies/${ref}`,
};

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const raw = (await params).id;
  if (!/^\d{1,9}$/.test(raw)) notFound();
  const c = await publicComplaint({ id: Number(raw) });
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
      <h2>Status</h2>
      <ol>
        {statusHistory(c).map((s) => (
          <li key={s.label} aria-current={s.current ? "step" : undefined}>
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
