// One plate-reader search's permalink: the published facts, the review findings that cover it,
// and the complaints filed about it (status and date; never the resident's words).
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ComplaintList } from "@/components/content/complaint-list";
import { ReviewedNotices } from "@/components/content/reviewed-notice";
import { complaintsAbout } from "@/db/queries/public/complaints";
import { findingsForPublicIds } from "@/db/queries/public/findings";
import { getPublicSearch } from "@/db/queries/public/records";
import { ALPR_REASON_LABELS, ROLE_LABELS, labelOf, offenseLabel } from "@/lib/cameras/vocab";
import { city } from "@/lib/config/city";
import { dateTimeFormat } from "@/lib/format/intl";
import { PUBLIC_ID_PATTERN } from "@/lib/publish/rules/public-id";

export const metadata = { title: "Plate-reader search | Daylight" };

export default async function SearchPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  if (!PUBLIC_ID_PATTERN.test(id)) notFound();
  const s = await getPublicSearch({ publicId: id });
  if (!s) notFound();
  const tz = city().timeZone;
  const [reviewed, complaints] = await Promise.all([
    findingsForPublicIds([s.publicId]),
    complaintsAbout({ targetType: "search", targetRef: s.publicId }),
  ]);
  const hour = dateTimeFormat("en-US", {
    timeZone: tz,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
  });
  const facts: [string, string][] = [
    ["Hour", hour.format(s.hour)],
    ["User (pseudonym)", `${s.user}, ${labelOf(ROLE_LABELS, s.userRole)}`],
    ["Agency", s.agency],
    ["Reason", labelOf(ALPR_REASON_LABELS, s.reason)],
    ["Offense type", offenseLabel(s.offenseType)],
    ["Linked to a case", s.linkedToCase ? "Yes" : "No"],
    [
      "Networks searched",
      `${s.networkCount}${s.networks.length ? `: ${s.networks.slice(0, 20).join(", ")}` : ""}${s.networks.length > 20 ? ` and ${s.networks.length - 20} more` : ""}`,
    ],
  ];
  return (
    <>
      <p>
        <Link href="/plate-readers">← Plate readers and the search log</Link>
      </p>
      <h1>Plate-reader search {s.publicId}</h1>
      <p className="lede">This page&rsquo;s address stays the same in every publication, so it can be cited.</p>
      <ReviewedNotices findings={reviewed.get(s.publicId) ?? []} />
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
      <h2>Complaints and feedback about this search</h2>
      <ComplaintList items={complaints} timeZone={tz} noun="search" />
      <p>
        <Link href={`/feedback/new?target=search:${s.publicId}`}>Report a concern about this search</Link>
      </p>
    </>
  );
}
