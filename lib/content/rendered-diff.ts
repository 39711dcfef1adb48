// A policy comparison that reads as text, not Markdown: both versions become blocks (headings,
// paragraphs, list items) of plain words, the blocks are matched, and a changed block keeps its
// unchanged words with the inserted and deleted words marked in place.
import { diffArrays, diffWords } from "diff";
import { Lexer, type Token, type Tokens } from "marked";

export type BlockKind = "heading" | "paragraph" | "bullet" | "number" | "quote" | "code";
export type Block = { kind: BlockKind; level?: number; text: string };
export type Part = { text: string; change: "same" | "inserted" | "deleted" };
export type DiffBlock = Block & { change: "same" | "inserted" | "deleted" | "changed"; parts: Part[] };
export type RenderedDiff = { blocks: DiffBlock[]; inserted: number; deleted: number; changed: number };

/** The words a reader sees in inline Markdown: no asterisks, brackets or link addresses. */
function plain(tokens: Token[] | undefined, fallback: string): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      if (t.type === "br") return " ";
      if ("tokens" in t && Array.isArray(t.tokens)) return plain(t.tokens, "");
      if (t.type === "html") return "";
      return "text" in t && typeof t.text === "string" ? t.text : "";
    })
    .join("")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Markdown to reading blocks, in order. */
export function toBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === "heading") {
        const h = t as Tokens.Heading;
        out.push({ kind: "heading", level: h.depth, text: plain(h.tokens, h.text) });
      } else if (t.type === "paragraph" || t.type === "text") {
        const p = t as Tokens.Paragraph;
        out.push({ kind: "paragraph", text: plain(p.tokens, p.text) });
      } else if (t.type === "list") {
        const l = t as Tokens.List;
        for (const item of l.items) {
          const text = item.tokens
            .map((x) => ("tokens" in x && Array.isArray(x.tokens) ? plain(x.tokens, "") : "text" in x ? String(x.text) : ""))
            .join(" ");
          out.push({ kind: l.ordered ? "number" : "bullet", text: text.trim() });
        }
      } else if (t.type === "blockquote") {
        const q = t as Tokens.Blockquote;
        out.push({ kind: "quote", text: plain(q.tokens, q.text) });
      } else if (t.type === "code") {
        out.push({ kind: "code", text: (t as Tokens.Code).text });
      } else if (t.type === "table") {
        const tb = t as Tokens.Table;
        for (const row of [tb.header, ...tb.rows])
          out.push({ kind: "paragraph", text: row.map((c) => plain(c.tokens, c.text)).join(" | ") });
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown.replace(/\r\n/g, "\n")));
  return out.filter((b) => b.text.trim() !== "");
}

const key = (b: Block) => `${b.kind}:${b.level ?? ""}:${b.text}`;

/** Two Markdown versions compared as rendered text, with word-level changes inside changed blocks. */
export function renderedDiff(from: string, to: string): RenderedDiff {
  const a = toBlocks(from);
  const b = toBlocks(to);
  const changes = diffArrays(a.map(key), b.map(key));
  const blocks: DiffBlock[] = [];
  let ai = 0;
  let bi = 0;
  let inserted = 0;
  let deleted = 0;
  let changed = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const n = c.value.length;
    if (!c.added && !c.removed) {
      for (let k = 0; k < n; k++) {
        const blk = b[bi + k];
        blocks.push({ ...blk, change: "same", parts: [{ text: blk.text, change: "same" }] });
      }
      ai += n;
      bi += n;
      continue;
    }
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      // Removed blocks followed by added ones: pair them in order and mark the words that changed.
      const olds = a.slice(ai, ai + n);
      const news = b.slice(bi, bi + next.value.length);
      const paired = Math.min(olds.length, news.length);
      for (let k = 0; k < paired; k++) {
        const parts: Part[] = diffWords(olds[k].text, news[k].text).map((w) => ({
          text: w.value,
          change: w.added ? "inserted" : w.removed ? "deleted" : "same",
        }));
        blocks.push({ ...news[k], change: "changed", parts });
        changed++;
      }
      for (const o of olds.slice(paired)) {
        blocks.push({ ...o, change: "deleted", parts: [{ text: o.text, change: "deleted" }] });
        deleted++;
      }
      for (const nw of news.slice(paired)) {
        blocks.push({ ...nw, change: "inserted", parts: [{ text: nw.text, change: "inserted" }] });
        inserted++;
      }
      ai += olds.length;
      bi += news.length;
      i++;
      continue;
    }
    const source = c.added ? b.slice(bi, bi + n) : a.slice(ai, ai + n);
    for (const blk of source) {
      const change = c.added ? "inserted" : "deleted";
      blocks.push({ ...blk, change, parts: [{ text: blk.text, change }] });
    }
    if (c.added) {
      inserted += n;
      bi += n;
    } else {
      deleted += n;
      ai += n;
    }
  }
  return { blocks, inserted, deleted, changed };
}

/** Keeps a few unchanged blocks around each change; the rest fold into a count. */
export function foldUnchanged(blocks: DiffBlock[], context = 1): Array<DiffBlock | { change: "skip"; count: number }> {
  const keep = new Set<number>();
  blocks.forEach((blk, i) => {
    if (blk.change === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(blocks.length - 1, i + context); k++) keep.add(k);
  });
  const out: Array<DiffBlock | { change: "skip"; count: number }> = [];
  let skipped = 0;
  blocks.forEach((blk, i) => {
    if (keep.has(i)) {
      if (skipped) out.push({ change: "skip", count: skipped });
      skipped = 0;
      out.push(blk);
    } else skipped++;
  });
  if (skipped) out.push({ change: "skip", count: skipped });
  return out;
}
