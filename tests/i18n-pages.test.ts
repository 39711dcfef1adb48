// Issue 21.7: every public page is available in Spanish. Each page.tsx under app/(public) (its path
// parameters filled with a sample value) must be one the public layout treats as fully translated;
// a new page that is not yet makes this fail until its fixed text comes from the messages.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { isFullyTranslated } from "@/i18n/fully-translated";

const root = join(process.cwd(), "app", "(public)");

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? pages(join(dir, e.name)) : e.name === "page.tsx" ? [dir] : [],
  );
}

/** app/(public)/feedback/[id] → /feedback/1 */
function routeOf(dir: string): string {
  const parts = relative(root, dir)
    .split(sep)
    .filter((p) => p && !/^\(.*\)$/.test(p))
    .map((p) => (p.startsWith("[") ? "1" : p));
  return `/${parts.join("/")}`;
}

describe("the public pages in Spanish", () => {
  const routes = pages(root).map(routeOf).sort();

  it("finds the public pages", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/audit", "/council/print", "/data/api", "/feedback/1"]));
    expect(routes.length).toBeGreaterThan(25);
  });

  it("are all fully translated", () => {
    expect(routes.filter((r) => !isFullyTranslated(r))).toEqual([]);
  });

  it("does not count a staff or unknown address as translated", () => {
    expect(isFullyTranslated("/staff/costs")).toBe(false);
    expect(isFullyTranslated("/review/audit")).toBe(false);
    expect(isFullyTranslated("/feedback/new/extra")).toBe(false);
  });
});
