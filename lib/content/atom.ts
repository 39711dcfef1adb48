// A small Atom 1.0 (RFC 4287) writer: every text is XML-escaped; entry content is the already
// sanitized HTML, escaped as type="html".
export type AtomEntry = { id: string; url: string; title: string; updated: Date; published: Date; summary?: string; html: string; category?: string };

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export function buildAtomFeed(f: { id: string; title: string; selfUrl: string; siteUrl: string; entries: AtomEntry[] }): string {
  const updated = f.entries.reduce((max, e) => (e.updated > max ? e.updated : max), new Date(0));
  const entries = f.entries.map((e) => [
    "  <entry>",
    `    <id>${esc(e.id)}</id>`,
    `    <title>${esc(e.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${esc(e.url)}"/>`,
    `    <updated>${e.updated.toISOString()}</updated>`,
    `    <published>${e.published.toISOString()}</published>`,
    e.category ? `    <category term="${esc(e.category)}"/>` : null,
    e.summary ? `    <summary>${esc(e.summary)}</summary>` : null,
    `    <content type="html">${esc(e.html)}</content>`,
    "  </entry>",
  ].filter(Boolean).join("\n"));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${esc(f.id)}</id>`,
    `  <title>${esc(f.title)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${esc(f.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${esc(f.siteUrl)}"/>`,
    `  <updated>${(f.entries.length ? updated : new Date(0)).toISOString()}</updated>`,
    "  <author><name>Community safety staff</name></author>",
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
