import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { policyHistory } from "@/db/queries/public/content";
import { PolicyDiffView } from "@/components/content/policy-diff";
import { renderedDiff } from "@/lib/content/rendered-diff";
import { formatDate } from "@/lib/format/numbers";

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };
export const metadata = { title: "Compare policy versions" };

export default async function PolicyDiffPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const q = await searchParams;
  const history = await policyHistory({ slug });
  if (history.length === 0) notFound();
  const from = history.find((v) => v.version === q.from) ?? history[1] ?? history[0];
  const to = history.find((v) => v.version === q.to) ?? history[0];
  const d = renderedDiff(from.bodyMdx, to.bodyMdx);
  const meta: string[] = [];
  if (from.title !== to.title) meta.push(`Title changed from “${from.title}” to “${to.title}”.`);
  if (from.effectiveDate !== to.effectiveDate)
    meta.push(`Effective date: ${formatDate(from.effectiveDate)} → ${formatDate(to.effectiveDate)}.`);
  if (from.adoptedBy !== to.adoptedBy) meta.push(`Adopted by: ${from.adoptedBy} → ${to.adoptedBy}.`);
  return (
    <>
      <p className="muted">
        <Link href="/policies">Use policies</Link> › <Link href={`/policies/${slug}`}>{to.title}</Link>
      </p>
      <h1>
        What changed: version {from.version} to version {to.version}
      </h1>
      {(q.from && q.from !== from.version) || (q.to && q.to !== to.version) ? (
        <p role="alert" className="notice">
          One of the versions asked for does not exist; showing the nearest comparison.
        </p>
      ) : null}
      <p>
        {d.inserted + d.deleted + d.changed === 0
          ? "The text of the two versions is the same."
          : `${count(d.changed, "section")} changed, ${count(d.inserted, "section")} added and ${d.deleted} removed. Inserted words are underlined on a green background, deleted words struck through on a red one; screen readers announce them as inserted and deleted.`}
      </p>
      {meta.length > 0 && (
        <ul>
          {meta.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <PolicyDiffView diff={d} />
      <form
        method="get"
        action={`/policies/${slug}/diff`}
        style={{ display: "flex", gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap", marginTop: "1rem" }}
      >
        <div style={{ display: "grid" }}>
          <label htmlFor="from">Compare version</label>
          <select id="from" name="from" defaultValue={from.version}>
            {history.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <div style={{ display: "grid" }}>
          <label htmlFor="to">with version</label>
          <select id="to" name="to" defaultValue={to.version}>
            {history.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Compare</button>
      </form>
    </>
  );
}
