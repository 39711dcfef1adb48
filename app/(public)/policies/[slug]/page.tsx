import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/i18n/locale";
import { localizeSummary } from "@/lib/content/bilingual";
import { policyHistory } from "@/db/queries/public/content";
import { formatDate } from "@/lib/format/numbers";
import { compareVersions } from "@/lib/content/policy-files";
import { renderMarkdown } from "@/lib/content/markdown";
import { versionsOnDay } from "@/lib/content/policy-versions";
import { isoDateIn } from "@/lib/format/intl";
import { city } from "@/lib/config/city";
import styles from "@/components/content/content.module.css";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ version?: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Policy: ${(await params).slug}` };
}

export default async function PolicyPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const [history, locale] = await Promise.all([policyHistory({ slug }), getLocale() as Promise<Locale>]);
  if (history.length === 0) notFound();
  const wanted = (await searchParams).version;
  // A version adopted for a later date is scheduled: the one in force stays current until then.
  const { current, scheduled } = versionsOnDay(history, isoDateIn(new Date(), city().timeZone));
  const isScheduled = (v: { version: string }) => scheduled.some((x) => x.version === v.version);
  const shown = (typeof wanted === "string" && history.find((v) => v.version === wanted)) || current;
  const isCurrent = shown.version === current.version;
  const previous = history.find((v) => compareVersions(v.version, current.version) < 0);
  // Staff's plain-language summary in the reader's language when written, else the English one.
  const summary = localizeSummary(shown, locale);
  const effect = (v: { version: string; effectiveDate: string }) =>
    isScheduled(v)
      ? `takes effect on ${formatDate(v.effectiveDate)}`
      : `in effect since ${formatDate(v.effectiveDate)}`;
  return (
    <>
      <p className="muted">
        <Link href="/policies">Use policies</Link>
      </p>
      <h1>{shown.title}</h1>
      <p>
        <strong>Version {shown.version}</strong>
        {isCurrent ? " (current)" : ""} · {effect(shown)} · adopted by {shown.adoptedBy}
        {shown.programName ? ` · ${shown.programName}` : ""}
      </p>
      {isCurrent &&
        scheduled.map((v) => (
          <p key={v.version} className="notice" role="note">
            Version {v.version} was adopted and takes effect on {formatDate(v.effectiveDate)}; until then this version
            is in force. <Link href={`/policies/${slug}?version=${v.version}`}>Read version {v.version}</Link> or{" "}
            <Link href={`/policies/${slug}/diff?from=${current.version}&to=${v.version}`}>see what will change</Link>.
          </p>
        ))}
      {isScheduled(shown) && (
        <p className="notice" role="note">
          This version takes effect on {formatDate(shown.effectiveDate)}. Until then{" "}
          <Link href={`/policies/${slug}`}>version {current.version}</Link> is in force (
          <Link href={`/policies/${slug}/diff?from=${current.version}&to=${shown.version}`}>what will change</Link>).
        </p>
      )}
      {!isCurrent && !isScheduled(shown) && (
        <p className="notice" role="note">
          This is an earlier version. <Link href={`/policies/${slug}`}>Read the current version {current.version}</Link>{" "}
          or{" "}
          <Link href={`/policies/${slug}/diff?from=${shown.version}&to=${current.version}`}>
            see what changed since
          </Link>
          .
        </p>
      )}
      {isCurrent && previous && (
        <p>
          <Link href={`/policies/${slug}/diff?from=${previous.version}&to=${current.version}`}>
            What changed from version {previous.version}
          </Link>
        </p>
      )}
      {summary && (
        <p className="lede" lang={locale === "en" ? undefined : summary.lang}>
          {summary.text}
        </p>
      )}
      {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
      <article className={styles.prose} dangerouslySetInnerHTML={{ __html: renderMarkdown(shown.bodyMdx) }} />
      <h2 id="history">Version history</h2>
      <div className="table-wrap">
        <table>
          <caption>Every version of this policy, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">In effect</th>
              <th scope="col">Adopted by</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {history.map((v) => (
              <tr key={v.version}>
                <td>
                  <Link href={`/policies/${slug}?version=${v.version}`}>Version {v.version}</Link>
                  {v.version === current.version ? " (current)" : ""}
                </td>
                <td>
                  {isScheduled(v) ? `takes effect on ${formatDate(v.effectiveDate)}` : formatDate(v.effectiveDate)}
                </td>
                <td>{v.adoptedBy}</td>
                <td>{v.origin === "web" ? "by staff on this site" : "from the policy file"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length > 1 && (
        <form
          method="get"
          action={`/policies/${slug}/diff`}
          style={{ display: "flex", gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap", marginTop: "1rem" }}
        >
          <div style={{ display: "grid" }}>
            <label htmlFor="from">Compare version</label>
            <select id="from" name="from" defaultValue={(previous ?? history[1]).version}>
              {history.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <div style={{ display: "grid" }}>
            <label htmlFor="to">with version</label>
            <select id="to" name="to" defaultValue={current.version}>
              {history.map((v) => (
                <option key={v.version} value={v.version}>
                  {v.version}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Compare</button>
        </form>
      )}
      <p>
        <Link href={`/feedback/new?target=policy:${slug}`}>Send feedback about this policy</Link>
      </p>
    </>
  );
}
