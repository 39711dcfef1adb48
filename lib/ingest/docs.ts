// The format documentation, generated from the mappings themselves so it cannot drift:
// `daylight formats --markdown > content/ingest-formats.md`.
import { FORMATS } from "./mappings";
import { DATASETS } from "./types";

export function formatsMarkdown(): string {
  const out: string[] = [
    "# Import formats",
    "",
    "Generated from `lib/ingest/mappings/*` by `daylight formats --markdown`. Every format is a column map plus small converters;",
    "a new vendor export is one more mapping. Without `--format` the format is recognized from the header row (CSV) or the",
    "property names (JSON, GeoJSON); column names are matched case-insensitively. Times without a zone are local to the city.",
    "",
    "Usage: `daylight import <dataset> <file> [--format <name>] [--dry-run] [--partial]`, or",
    "`POST /api/ingest/<dataset>?format=&dryRun=&partial=` with `Authorization: Bearer <token>` (see `daylight tokens`).",
    "A file with any invalid row changes nothing unless `--partial` is given; re-importing the same file adds nothing.",
    "",
  ];
  for (const d of DATASETS) {
    out.push(`## ${d}`, "");
    for (const f of FORMATS.filter((x) => x.dataset === d)) {
      out.push(
        `### \`${f.name}\` — ${f.title}`,
        "",
        f.description,
        "",
        `Files: ${f.kinds.join(", ")}. Stored with source \`${f.source}\`.`,
      );
      if (f.idFromRow)
        out.push(
          "Record id: derived from every field of the row and its occurrence among identical rows (duplicate rows each import; re-importing adds nothing).",
        );
      else if (f.naturalKey) out.push(`Record id: derived from ${f.naturalKey.map((k) => `\`${k}\``).join(", ")}.`);
      const creates = Object.entries(f.create ?? {})
        .filter(([, v]) => v)
        .map(([k]) => k);
      if (creates.length)
        out.push(`Creates unknown: ${creates.join(", ")} (matched by name, case and surrounding spaces ignored).`);
      out.push("", "| column | required | meaning |", "| --- | --- | --- |");
      for (const c of f.columns)
        out.push(`| \`${c.from}\` | ${c.required ? "yes" : ""} | ${c.doc.replace(/\|/g, "\\|")} |`);
      out.push("");
    }
  }
  return out.join("\n");
}
