// Staff-written Markdown (updates, policies) becomes HTML here, and only here. The output is
// sanitized with an allow-list so nothing a staff account types can run in a reader's browser.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const allowedTags = [
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "em", "strong", "del", "ins",
  "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td", "caption", "dl", "dt", "dd", "sup", "sub",
];

/** The schemes sanitize-html keeps below, checked the same way: relative paths and anchors pass. */
function allowedHref(href: string | undefined): boolean {
  if (!href) return false;
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const h = href.replace(/[\u0000-\u0020]+/g, "");
  if (h.startsWith("//") || h.startsWith("\\")) return false;
  const scheme = /^([a-zA-Z][a-zA-Z0-9.+-]*):/.exec(h);
  return !scheme || ["http", "https", "mailto"].includes(scheme[1].toLowerCase());
}

const options: sanitizeHtml.IOptions = {
  allowedTags,
  // No style, no event handlers, no ids (they could collide with page anchors).
  allowedAttributes: { a: ["href", "title"], th: ["align", "scope"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Content of these is dropped along with the tag, never shown as text.
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "object", "embed"],
  transformTags: {
    a: (tagName, attribs) => {
      // A link whose address is refused becomes plain text (a tag not on the allow-list keeps
      // only its text), rather than link-coloured words that go nowhere.
      if (!allowedHref(attribs.href)) return { tagName: "x-unlinked", attribs: {} };
      const external = /^https?:\/\//i.test(attribs.href ?? "");
      return { tagName, attribs: external ? { ...attribs, rel: "noopener noreferrer" } : attribs };
    },
  },
};

// rel is added by transformTags above, so allow it on the way out.
options.allowedAttributes = { ...(options.allowedAttributes as Record<string, string[]>), a: ["href", "title", "rel"] };

/** Sanitizes an HTML fragment with the content allow-list. */
export function sanitize(html: string): string {
  // Any anchor left without an address (one sanitize-html emptied itself) is unwrapped too.
  return sanitizeHtml(html, options).replace(/<a(?: (?:title|rel)="[^"]*")*>([\s\S]*?)<\/a>/g, "$1");
}

/** Markdown → safe HTML. MDX/JSX tags and raw HTML that is not allow-listed are removed. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return sanitize(html);
}

/** Plain text of a Markdown fragment (feed summaries, meta descriptions). */
export function markdownToText(markdown: string, maxLength = 280): string {
  const text = sanitizeHtml(marked.parse(markdown) as string, { allowedTags: [], allowedAttributes: {}, nonTextTags: options.nonTextTags })
    .replace(/\s+/g, " ")
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
}
