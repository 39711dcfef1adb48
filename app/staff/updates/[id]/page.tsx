import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getUpdate } from "@/db/queries/staff/content";
import { requireRolePage } from "@/server/auth/dal";
import { utcToZonedInput } from "@/lib/time";
import { city } from "@/lib/config/city";
import { savedUpdateNotice } from "@/lib/content/update-notice";
import { UpdateForm } from "../update-form";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit update · Staff" };

export default async function EditUpdate({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  await requireRolePage("staff", "admin");
  const id = z.coerce
    .number()
    .int()
    .positive()
    .safeParse((await params).id);
  if (!id.success) notFound();
  const u = await getUpdate({ id: id.data });
  if (!u) notFound();
  // The notice follows the saved row, not the query string, so it cannot claim a state the row is not in.
  const notice = (await searchParams).saved ? savedUpdateNotice(u, new Date(), city().timeZone) : null;
  return (
    <>
      <h1>Edit: {u.title}</h1>
      {notice && (
        <p role="status" className="notice">
          {notice.message} {notice.link && <Link href={notice.link.href}>{notice.link.label}</Link>}
        </p>
      )}
      <UpdateForm
        existing={{
          id: u.id,
          title: u.title,
          summary: u.summary,
          bodyMarkdown: u.bodyMarkdown,
          titleEs: u.titleEs ?? "",
          summaryEs: u.summaryEs ?? "",
          bodyMarkdownEs: u.bodyMarkdownEs ?? "",
          status: u.status,
          programSlug: u.programSlug,
          publishAtLocal: u.publishAt ? utcToZonedInput(u.publishAt, city().timeZone) : "",
        }}
      />
    </>
  );
}
