// A readable comparison of two policy versions: whole lines added or removed, with the words
// that changed inside a changed line marked, so a reader sees "30 days" became "14 days".
import { diffLines, diffWords } from "diff";

export type WordPart = { text: string; kind: "same" | "added" | "removed" };
export type DiffLine =
  | { kind: "same"; text: string }
  | { kind: "added" | "removed"; text: string; parts?: WordPart[] };

export type PolicyDiff = { lines: DiffLine[]; added: number; removed: number };

function split(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

function words(a: string, b: string): { removed: WordPart[]; added: WordPart[] } {
  const removed: WordPart[] = [];
  const added: WordPart[] = [];
  for (const c of diffWords(a, b)) {
    if (c.added) added.push({ text: c.value, kind: "added" });
    else if (c.removed) removed.push({ text: c.value, kind: "removed" });
    else {
      added.push({ text: c.value, kind: "same" });
      removed.push({ text: c.value, kind: "same" });
    }
  }
  return { removed, added };
}

/** Line diff of two Markdown bodies; paired removed/added lines carry word-level parts. */
export function policyDiff(from: string, to: string): PolicyDiff {
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  const changes = diffLines(from.replace(/\r\n/g, "\n"), to.replace(/\r\n/g, "\n"));
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    const next = changes[i + 1];
    if (c.removed && next?.added) {
      const oldLines = split(c.value);
      const newLines = split(next.value);
      const paired = Math.min(oldLines.length, newLines.length);
      for (let j = 0; j < oldLines.length; j++) {
        const w = j < paired ? words(oldLines[j], newLines[j]) : undefined;
        lines.push({ kind: "removed", text: oldLines[j], parts: w?.removed });
      }
      for (let j = 0; j < newLines.length; j++) {
        const w = j < paired ? words(oldLines[j], newLines[j]) : undefined;
        lines.push({ kind: "added", text: newLines[j], parts: w?.added });
      }
      removed += oldLines.length;
      added += newLines.length;
      i++;
      continue;
    }
    for (const text of split(c.value)) {
      if (c.added) { lines.push({ kind: "added", text }); added++; }
      else if (c.removed) { lines.push({ kind: "removed", text }); removed++; }
      else lines.push({ kind: "same", text });
    }
  }
  return { lines, added, removed };
}

/** Long unchanged stretches fold to a few lines of context around each change. */
export function withContext(lines: DiffLine[], context = 2): Array<DiffLine | { kind: "skip"; count: number }> {
  const keep = new Set<number>();
  lines.forEach((l, i) => {
    if (l.kind === "same") return;
    for (let k = Math.max(0, i - context); k <= Math.min(lines.length - 1, i + context); k++) keep.add(k);
  });
  const out: Array<DiffLine | { kind: "skip"; count: number }> = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (keep.has(i)) {
      if (skipped) out.push({ kind: "skip", count: skipped });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped) out.push({ kind: "skip", count: skipped });
  return out;
}
