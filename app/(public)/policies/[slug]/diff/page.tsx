import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { policyHistory } from "@/db/queries/public/content";
import { PolicyDiffView } from "@/components/content/policy-diff";
import { renderedDiff } from "@/lib/content/rendered-diff";
import { formatDate, type FormatLocale } from "@/lib/format/numbers";
import { getLocale, getTranslations } from "next-intl/server";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ from?: string; to?: string }> };
export async function generateMetadata() {
  return { title: (await getTranslations("Policy"))("diffTitle") };
}

export default async function PolicyDiffPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const q = await searchParams;
  const [history, t, locale] = await Promise.all([
    policyHistory({ slug }),
    getTranslations("Policy"),
    getLocale() as Promise<FormatLocale>,
  ]);
  const en = locale === "en" ? undefined : "en";
  if (history.length === 0) notFound();
  const from = history.find((v) => v.version === q.from) ?? history[1] ?? history[0];
  const to = history.find((v) => v.version === q.to) ?? history[0];
  const d = renderedDiff(from.bodyMdx, to.bodyMdx);
  const meta: string[] = [];
  if (from.title !== to.title) meta.push(t("titleChanged", { from: from.title, to: to.title }));
  if (from.effectiveDate !== to.effectiveDate)
    meta.push(
      t("dateChanged", { from: formatDate(from.effectiveDate, locale), to: formatDate(to.effectiveDate, locale) }),
    );
  if (from.adoptedBy !== to.adoptedBy) meta.push(t("adoptedChanged", { from: from.adoptedBy, to: to.adoptedBy }));
  return (
    <>
      <p className="muted">
        <Link href="/policies">{t("back")}</Link> ›{" "}
        <Link href={`/policies/${slug}`} lang={en}>
          {to.title}
        </Link>
      </p>
      <h1>{t("diffH1", { from: from.version, to: to.version })}</h1>
      {(q.from && q.from !== from.version) || (q.to && q.to !== to.version) ? (
        <p role="alert" className="notice">
          {t("missing")}
        </p>
      ) : null}
      <p>
        {d.inserted + d.deleted + d.changed === 0
          ? t("same")
          : t("counts", { changed: d.changed, inserted: d.inserted, deleted: d.deleted })}
      </p>
      {meta.length > 0 && (
        // Titles and adopting bodies are written in English.
        <ul lang={en}>
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
          <label htmlFor="from">{t("compare")}</label>
          <select id="from" name="from" defaultValue={from.version}>
            {history.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <div style={{ display: "grid" }}>
          <label htmlFor="to">{t("with")}</label>
          <select id="to" name="to" defaultValue={to.version}>
            {history.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t("compareButton")}</button>
      </form>
    </>
  );
}
