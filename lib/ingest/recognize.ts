// Choosing the format of a file from its header row (or JSON/GeoJSON property names).
import { FileError } from "./errors";
import { FORMATS, formatByName, formatsFor } from "./mappings";
import type { Dataset, FileKind, FormatMapping } from "./types";

const norm = (s: string) => s.trim().toLowerCase();

function requiredOf(f: FormatMapping): string[] {
  return f.columns.filter((c) => c.required).map((c) => norm(c.from));
}

export function describeFormats(list: FormatMapping[]): string {
  return list
    .map(
      (f) =>
        `  ${f.name} (${f.kinds.join("/")}): ${f.columns.map((c) => (c.required ? c.from : `[${c.from}]`)).join(", ")}`,
    )
    .join("\n");
}

/** Picks the format: the named one (checked against the header) or the best match among the dataset's formats. */
export function recognize(dataset: Dataset, header: string[], kind: FileKind, named?: string): FormatMapping {
  const cols = new Set(header.filter(Boolean));
  if (named) {
    const f = formatByName(named);
    if (!f)
      throw new FileError(`Unknown format "${named}". Known formats:\n${describeFormats(FORMATS)}`, "unknown_format");
    if (f.dataset !== dataset)
      throw new FileError(`Format "${named}" is for ${f.dataset}, not ${dataset}`, "unknown_format");
    const missing = requiredOf(f).filter((c) => !cols.has(c));
    if (missing.length)
      throw new FileError(
        `The file lacks columns the ${f.name} format requires: ${missing.join(", ")}`,
        "unknown_format",
      );
    return f;
  }
  const scored = formatsFor(dataset)
    .filter((f) => f.kinds.includes(kind) || (kind === "geojson" && f.kinds.includes("json")))
    .filter((f) => requiredOf(f).every((c) => cols.has(c)))
    .map((f) => ({
      f,
      score:
        f.columns.filter((c) => cols.has(norm(c.from))).length -
        [...cols].filter((c) => !f.columns.some((m) => norm(m.from) === c)).length,
    }))
    .sort((a, b) => b.score - a.score);
  if (scored.length === 1 || (scored.length > 1 && scored[0].score > scored[1].score)) return scored[0].f;
  if (scored.length > 1) {
    throw new FileError(
      `The columns match more than one format; choose one with --format (optional columns in brackets):\n${describeFormats(scored.filter((s) => s.score === scored[0].score).map((s) => s.f))}`,
      "unknown_format",
    );
  }
  const elsewhere = FORMATS.filter((f) => f.dataset !== dataset && requiredOf(f).every((c) => cols.has(c)));
  const hint = elsewhere.length
    ? ` It looks like ${elsewhere.map((f) => `${f.dataset} (${f.name})`).join(" or ")}.`
    : "";
  throw new FileError(
    `The columns (${header.filter(Boolean).join(", ") || "none"}) match no ${dataset} format.${hint} Known ${dataset} formats (optional columns in brackets):\n${describeFormats(formatsFor(dataset))}`,
    "unknown_format",
  );
}
