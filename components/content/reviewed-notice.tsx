// "Reviewed: <outcome> — see finding #n" for each published closed finding that covers a record.
import Link from "next/link";

export type ReviewedBy = { number: number; outcomeLabel: string };

/** The notices on a record's own page. */
export function ReviewedNotices(props: { findings: ReviewedBy[] }) {
  return props.findings.map((r) => (
    <p key={r.number} className="notice">
      Reviewed: {r.outcomeLabel} — see <Link href={`/findings#finding-${r.number}`}>finding #{r.number}</Link>.
    </p>
  ));
}

/** The same, short, inside a log row. */
export function ReviewedInline(props: { findings: ReviewedBy[] | undefined }) {
  if (!props.findings?.length) return null;
  return props.findings.map((r) => (
    <span key={r.number} className="muted" style={{ display: "block" }}>
      Reviewed: {r.outcomeLabel} — see <Link href={`/findings#finding-${r.number}`}>finding #{r.number}</Link>
    </span>
  ));
}
