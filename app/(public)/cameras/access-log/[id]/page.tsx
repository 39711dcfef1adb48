// One camera access's permalink: the published facts, the review findings that cover it, and the
// complaints filed about it (status and date; never the resident's words).
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ComplaintList } from "@/components/content/complaint-list";
import { ReviewedNotices } from "@/components/content/reviewed-notice";
import { complaintsAbout } from "@/db/queries/public/complaints";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getPublicAccess } from "@/db/queries/public/records";
import { ACCESS_REASON_LABELS, OPERATION_LABELS, ROLE_LABELS, labelOf } from "@/lib/cameras/vocab";
import { city } from "@/lib/config/city";
import { dateTimeFormat } from "@/lib/format/intl";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";

export const metadata = { title: "Camera access | Daylight" };

export default async function AccessPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const a = await getPublicAccess({ publicId: id });
  if (!a) notFound();
  const tz = city().timeZone;
  const [reviewed, complaints] = await Promise.all([
    findingsForPublicIds([a.publicId]),
    complaintsAbout({ targetType: "access", targetRef: a.publicId }),
  ]);
  const hour = dateTimeFormat("en-US", {
    timeZone: tz,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
  });
  const facts: [string, string][] = [
    ["Hour", hour.format(a.hour)],
    ["Camera or site", a.place],
    ["User (pseudonym)", `${a.user}, ${labelOf(ROLE_LABELS, a.userRole)}`],
    ["Agency", a.agency],
    ["Operation", labelOf(OPERATION_LABELS, a.operation) + (a.sharedWith ? ` with ${a.sharedWith}` : "")],
    ["Reason", labelOf(ACCESS_REASON_LABELS, a.reason)],
    ["Linked to a case", a.linkedToCase ? "Yes" : "No"],
  ];
  return (
    <>
      <p>
        <Link href="/cameras/access-log">← Camera access log</Link>
      </p>
      <h1>Camera access {a.publicId}</h1>
      <p className="lede">This page&rsquo;s address stays the same in every publication, so it can be cited.</p>
      <ReviewedNotices findings={reviewed.get(a.publicId) ?? []} />
      <dl className="card">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>
              <strong>{k}</strong>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2>Complaints and feedback about this access</h2>
      <ComplaintList items={complaints} timeZone={tz} noun="access" />
      <p>
        <Link href={`/feedback/new?target=access:${a.publicId}`}>Report a concern about this access</Link>
      </p>
    </>
  );
}
