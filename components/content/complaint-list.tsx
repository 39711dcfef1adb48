// The complaints and feedback filed about one record: status and date, linking to each one's
// public page. The resident's own words are never shown.
import Link from "next/link";
import { statusLabels } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/time";

export function ComplaintList(props: {
  items: Array<{ id: number; kind: string; status: string; createdAt: Date; outcome: string | null }>;
  timeZone: string;
  noun: string;
}) {
  if (props.items.length === 0) return <p>No complaints or feedback have been filed about this {props.noun}.</p>;
  return (
    <ul>
      {props.items.map((c) => (
        <li key={c.id}>
          <Link href={`/feedback/${c.id}`}>
            {c.kind === "complaint" ? "Complaint" : "Feedback"} #{c.id}
          </Link>
          , received {formatInstant(c.createdAt, props.timeZone)}: {statusLabels[c.status] ?? c.status}
          {c.outcome ? `. Outcome: ${c.outcome}` : ""}
        </li>
      ))}
    </ul>
  );
}
