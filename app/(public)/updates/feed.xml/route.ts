// Atom feed of published program updates (optionally one program: ?program=drones).
import { listPrograms, listPublicUpdates } from "@/db/queries/public/content";
import { renderMarkdown } from "@/lib/content/markdown";
import { buildAtomFeed } from "@/lib/content/atom";
import { city } from "@/lib/config/city";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const programs = await listPrograms();
  const raw = url.searchParams.get("program");
  const program = raw && programs.some((p) => p.slug === raw) ? raw : undefined;
  const updates = await listPublicUpdates({ program, limit: 50 });
  const xml = buildAtomFeed({
    id: `${url.origin}/updates${program ? `?program=${program}` : ""}`,
    title: `${city().name}: public-safety technology updates${program ? ` (${programs.find((p) => p.slug === program)?.name})` : ""}`,
    selfUrl: url.toString(),
    siteUrl: `${url.origin}/updates`,
    entries: updates.map((u) => ({
      id: `${url.origin}/updates/${u.slug}`,
      url: `${url.origin}/updates/${u.slug}`,
      title: u.title,
      updated: u.updatedAt > (u.publishAt ?? u.updatedAt) ? u.updatedAt : (u.publishAt ?? u.updatedAt),
      published: u.publishAt ?? u.updatedAt,
      summary: u.summary,
      html: renderMarkdown(u.bodyMarkdown),
      category: u.programName ?? undefined,
    })),
  });
  return new Response(xml, {
    headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}
