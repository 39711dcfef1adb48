// The boundary that keeps raw data out of public code (architecture.md, rule 1): public routes,
// the open-data API and components import data only from db/queries/public, and
// db/queries/public reads only published tables (and staff content that is public as written).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { getTableName, isTable } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { importsOf, resolveSpec } from "./helpers/imports";
import * as content from "../db/schema/content";
import * as published from "../db/schema/published";
import * as schema from "../db/schema";

const ROOT = path.resolve(__dirname, "..");
const PUBLIC_ROOTS = ["app/(public)", "app/api/v1", "components"];
const QUERIES = "db/queries/public";
/** Public as written: area outlines (the bundled GeoJSON), programs, call-type vocabulary, and the daily audit-chain checkpoints (published so history cannot be rewritten unseen). */
const PUBLIC_REFERENCE = ["areas", "programs", "callCategories", "auditCheckpoints"];
const tableNameOf = (v: unknown): string => getTableName(v as Parameters<typeof getTableName>[0]);
const schemaEntries = Object.entries(schema as Record<string, unknown>);
/** Published tables (pub_*, publication_runs), staff content, and the public reference tables. */
const isAllowedTable = (exportName: string, v: unknown) =>
  tableNameOf(v).startsWith("pub_") ||
  tableNameOf(v) === "publication_runs" ||
  exportName in content ||
  PUBLIC_REFERENCE.includes(exportName);
const ALLOWED_SCHEMA_NAMES = new Set([
  ...Object.keys(published),
  ...Object.keys(content),
  ...PUBLIC_REFERENCE,
  ...schemaEntries.filter(([k, v]) => isTable(v) && isAllowedTable(k, v)).map(([k]) => k),
  // Enums and types that describe published values are harmless.
  ...schemaEntries.filter(([, v]) => !isTable(v)).map(([k]) => k),
]);
const ALLOWED_TABLES = new Set(
  schemaEntries.filter(([k, v]) => isTable(v) && isAllowedTable(k, v)).map(([, v]) => tableNameOf(v)),
);
const RAW_TABLES = schemaEntries
  .filter(([, v]) => isTable(v))
  .map(([, v]) => tableNameOf(v))
  .filter((n) => !ALLOWED_TABLES.has(n));

function files(dir: string): string[] {
  const abs = path.join(ROOT, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|mts|js|mjs)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Violations for a public file: any db/ import outside db/queries/public. */
export function publicFileViolations(file: string, src: string): string[] {
  return importsOf(src).flatMap(({ spec }) => {
    const target = resolveSpec(file, spec);
    if (!target || !target.startsWith("db")) return [];
    return target === QUERIES || target.startsWith(`${QUERIES}/`) ? [] : [`${file} imports ${spec}`];
  });
}

/** Violations for a public query module: raw schema imports or SQL over raw tables. */
export function queryFileViolations(file: string, src: string): string[] {
  const v: string[] = [];
  for (const { spec, names } of importsOf(src)) {
    const target = resolveSpec(file, spec);
    if (!target || !target.startsWith("db")) continue;
    if (target.startsWith(QUERIES) || target === "db/client" || target === "db/sql") continue;
    if (target === "db/schema/published" || target.startsWith("db/schema/published-") || target === "db/schema/content")
      continue;
    if (target === "db/schema" || target === "db/schema/index" || target === "db/schema/reference") {
      const bad = names.filter((n) => n === "*" || !ALLOWED_SCHEMA_NAMES.has(n));
      if (bad.length) v.push(`${file} imports raw schema ${bad.join(", ")} from ${spec}`);
      continue;
    }
    v.push(`${file} imports ${spec}`);
  }
  for (const t of RAW_TABLES)
    if (new RegExp(`\\b(from|join|into|update)\\s+"?${t}"?\\b`, "i").test(src))
      v.push(`${file} queries raw table ${t} in SQL`);
  return v;
}

describe("public code reads only the published read model", () => {
  it("app/(public), app/api/v1 and components import db/ only through db/queries/public", () => {
    const all = PUBLIC_ROOTS.flatMap(files);
    expect(all.length).toBeGreaterThan(5);
    const violations = all.flatMap((f) => publicFileViolations(f, readFileSync(path.join(ROOT, f), "utf8")));
    expect(violations).toEqual([]);
  });

  it("db/queries/public imports no raw tables", () => {
    const all = files(QUERIES);
    expect(all.length).toBeGreaterThan(0);
    const violations = all.flatMap((f) => queryFileViolations(f, readFileSync(path.join(ROOT, f), "utf8")));
    expect(violations).toEqual([]);
  });

  it("the checks catch what they are meant to catch", () => {
    expect(RAW_TABLES).toContain("drone_flights");
    expect(RAW_TABLES).not.toContain("pub_flights");
    expect(publicFileViolations("app/(public)/x/page.tsx", `import { droneFlights } from "@/db/schema";`)).toHaveLength(
      1,
    );
    expect(publicFileViolations("app/(public)/x/page.tsx", `import { getDb } from "../../../db/client";`)).toHaveLength(
      1,
    );
    expect(
      publicFileViolations("components/x.tsx", `const m = await import("@/db/queries/review/flags");`),
    ).toHaveLength(1);
    expect(
      publicFileViolations("app/(public)/x/page.tsx", `import { listFlights } from "@/db/queries/public/drones";`),
    ).toEqual([]);
    expect(
      queryFileViolations("db/queries/public/x.ts", `import { droneFlights, pubFlights } from "@/db/schema";`),
    ).toHaveLength(1);
    expect(queryFileViolations("db/queries/public/x.ts", `import * as s from "@/db/schema";`)).toHaveLength(1);
    expect(
      queryFileViolations("db/queries/public/x.ts", `import { personnel } from "../../schema/reference";`),
    ).toHaveLength(1);
    expect(
      queryFileViolations("db/queries/public/x.ts", "const q = sql`select display_name from personnel`;"),
    ).toHaveLength(1);
    expect(
      queryFileViolations(
        "db/queries/public/x.ts",
        `import { pubFlights } from "@/db/schema";\nimport { getDb } from "@/db/client";`,
      ),
    ).toEqual([]);
  });
});
