// Policy versions as files: content/policies/<slug>/v<version>.mdx with front matter. Read by the
// seed; the web-published versions live only in policy_versions.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";

const programSlugs = ["drones", "fixed_cameras", "watch_center", "plate_readers", "cso"] as const;

const dateString = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "effectiveDate must be YYYY-MM-DD"),
);

export const policyFrontMatter = z.object({
  title: z.string().min(3),
  program: z.enum(programSlugs),
  version: z.preprocess((v) => (typeof v === "number" ? v.toFixed(1) : v), z.string().regex(/^\d+(\.\d+){0,2}$/, "version must look like 1.0 or 1.2.1")),
  effectiveDate: dateString,
  adoptedBy: z.string().min(3),
  /** A plain-language summary, and optionally its Spanish version (only beside an English one). */
  summary: z.string().min(10).optional(),
  summaryEs: z.string().min(10).optional(),
}).refine((v) => !v.summaryEs || v.summary, { message: "summaryEs needs an English summary", path: ["summaryEs"] });

export type PolicyFile = z.infer<typeof policyFrontMatter> & { slug: string; body: string; file: string };

export const POLICIES_DIR = path.resolve(process.cwd(), "content/policies");

/** Every policy version file, validated; a bad file fails loudly with its path. */
export function readPolicyFiles(dir = POLICIES_DIR): PolicyFile[] {
  const out: PolicyFile[] = [];
  for (const slug of readdirSync(dir).sort()) {
    const sub = path.join(dir, slug);
    let files: string[];
    try { files = readdirSync(sub).filter((f) => f.endsWith(".mdx") || f.endsWith(".md")); } catch { continue; }
    for (const f of files.sort()) {
      const file = path.join(sub, f);
      const { data, content } = matter(readFileSync(file, "utf8"));
      const parsed = policyFrontMatter.safeParse(data);
      if (!parsed.success) throw new Error(`${path.relative(process.cwd(), file)}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      out.push({ ...parsed.data, slug, body: content.trim() + "\n", file });
    }
  }
  return out;
}

/** Compares "1.10" above "1.9". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
