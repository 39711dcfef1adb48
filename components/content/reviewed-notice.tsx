// "Reviewed: <outcome> — see finding #n" for each published closed finding that covers a record.
import Link from "next/link";
import { useTranslations } from "next-intl";

export type ReviewedBy = { number: number; outcome?: string; outcomeLabel: string };

function Reviewed({ r }: { r: ReviewedBy }) {
  const t = useTranslations("Records");
  const f = useTranslations("Findings");
  const outcome = r.outcome && f.has(`outcome.${r.outcome}`) ? f(`outcome.${r.outcome}`) : r.outcomeLabel;
  return t.rich("reviewed", {
    outcome,
    number: r.number,
    link: (chunks) => <Link href={`/findings#finding-${r.number}`}>{chunks}</Link>,
  });
}

/** The notices on a record's own page. */
export function ReviewedNotices(props: { findings: ReviewedBy[] }) {
  return props.findings.map((r) => (
    <p key={r.number} className="notice">
      <Reviewed r={r} />.
    </p>
  ));
}

/** The same, short, inside a log row. */
export function ReviewedInline(props: { findings: ReviewedBy[] | undefined }) {
  if (!props.findings?.length) return null;
  return props.findings.map((r) => (
    <span key={r.number} className="muted" style={{ display: "block" }}>
      <Reviewed r={r} />
    </span>
  ));
}
