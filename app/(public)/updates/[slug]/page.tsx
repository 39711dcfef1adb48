import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getPublicUpdate } from "@/db/queries/public/content";
import { renderMarkdown } from "@/lib/content/markdown";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import styles from "@/components/content/content.module.css";

type Props = { params: Promise<{ slug: string }> };

export default async function UpdatePage({ params }: Props) {
  await connection();
  const u = await getPublicUpdate({ slug: (await params).slug });
  if (!u) notFound();
  return (
    <>
      <p className="muted">
        <Link href="/updates">Program updates</Link>
        {u.programSlug ? (
          <>
            {" "}
            › <Link href={`/updates?program=${u.programSlug}`}>{u.programName}</Link>
          </>
        ) : null}
      </p>
      <h1>{u.title}</h1>
      <p className="muted">Published {u.publishAt ? formatInstant(u.publishAt, city().timeZone) : ""}</p>
      {u.summary && <p className="lede">{u.summary}</p>}
      {/* Sanitized by lib/content/markdown: no scripts, event handlers or unsafe links survive. */}
      <article className={styles.prose} dangerouslySetInnerHTML={{ __html: renderMarkdown(u.bodyMarkdown) }} />
    </>
  );
}

export async function generateMetadata({ params }: Props) {
  const u = await getPublicUpdate({ slug: (await params).slug });
  return { title: u?.title ?? "Update not found" };
}
