import Link from "next/link";
import { connection } from "next/server";
import { listPrograms, listPublicUpdates } from "@/db/queries/public/content";
import { formatInstant } from "@/lib/time";
import { markdownToText } from "@/lib/content/markdown";
import { city } from "@/lib/config/city";
import { Tr, languageAlternates, pageTitle } from "@/i18n/tr";

export async function generateMetadata() {
  const [{ title }, languages] = await Promise.all([pageTitle("updates.title")(), languageAlternates()]);
  // A page's own `alternates` replaces the layout's, so the hreflang links are repeated here.
  return { title, alternates: { types: { "application/atom+xml": "/updates/feed.xml" }, languages } };
}

export default async function UpdatesPage({
  searchParams,
}: {
  searchParams: Promise<{ program?: string | string[] }>;
}) {
  await connection();
  const programs = await listPrograms();
  const raw = (await searchParams).program;
  const program = typeof raw === "string" && programs.some((p) => p.slug === raw) ? raw : undefined;
  const updates = await listPublicUpdates({ program });
  const tz = city().timeZone;
  return (
    <>
      <h1>
        <Tr k="updates.h1" />
      </h1>
      <p className="lede">
        News from the community safety staff about each program.{" "}
        <a href={`/updates/feed.xml${program ? `?program=${program}` : ""}`}>Subscribe (Atom feed)</a>
      </p>
      <nav aria-label="Filter by program">
        <ul className="nav-list" style={{ marginBottom: "1rem" }}>
          <li>
            <Link href="/updates" aria-current={!program ? "page" : undefined}>
              All programs
            </Link>
          </li>
          {programs.map((p) => (
            <li key={p.slug}>
              <Link href={`/updates?program=${p.slug}`} aria-current={program === p.slug ? "page" : undefined}>
                {p.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {updates.length === 0 ? (
        <p>No updates yet{program ? " for this program" : ""}.</p>
      ) : (
        <ol style={{ listStyle: "none", padding: 0 }}>
          {updates.map((u) => (
            <li key={u.slug} className="card" style={{ marginBottom: "0.75rem" }}>
              <h2 style={{ margin: 0, fontSize: "1.15rem" }}>
                <Link href={`/updates/${u.slug}`}>{u.title}</Link>
              </h2>
              <p className="muted" style={{ margin: "0.25rem 0" }}>
                {u.publishAt ? formatInstant(u.publishAt, tz) : ""}
                {u.programName ? ` · ${u.programName}` : ""}
              </p>
              <p style={{ margin: 0 }}>{u.summary || markdownToText(u.bodyMarkdown, 220)}</p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
