// Shared by the staff, council, feedback and Spanish specs: an axe check that fails on serious issues.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export async function expectNoSeriousA11yIssues(page: Page, tags?: string[]) {
  // Next streams a page's metadata after its body on a slow machine: axe looks at the settled page,
  // and a page that never gets a title still fails here.
  await expect(page, "the page has a title").toHaveTitle(/\S/);
  const axe = new AxeBuilder({ page });
  const r = await (tags ? axe.withTags(tags) : axe).analyze();
  const bad = r.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    ),
  ).toEqual([]);
}
