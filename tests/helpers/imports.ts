// Reading a module's imports, for the tests that hold the architecture's boundaries.
import path from "node:path";

type Import = { spec: string; names: string[] };
/** Every static import/export-from and dynamic import, with named bindings. */
export function importsOf(src: string): Import[] {
  const out: Import[] = [];
  const re =
    /(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of src.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5];
    const clause = m[2] ?? "";
    const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? "";
    const names = named
      .split(",")
      .map(
        (s) =>
          s
            .trim()
            .replace(/^type\s+/, "")
            .split(/\s+as\s+/)[0],
      )
      .filter(Boolean);
    if (/\*\s+as\s+\w+/.test(clause) || (clause && !clause.includes("{") && !/^\s*$/.test(clause))) names.push("*");
    out.push({ spec, names });
  }
  return out;
}

/** The repo-relative module an import points to ("db/queries/public/drones"), or null for packages. */
export function resolveSpec(fromFile: string, spec: string): string | null {
  if (spec.startsWith("@/")) return path.normalize(spec.slice(2));
  if (spec.startsWith(".")) return path.normalize(path.join(path.dirname(fromFile), spec));
  return null;
}
