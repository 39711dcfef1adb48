// Residents on phones (issue 21): at 360 and 390 px no public page scrolls sideways, tables stack
// into "label: value" cards, filter forms fold behind a "Filter" button, controls are at least
// 44 px tall, and the pages still pass axe at phone width.
import AxeBuilder from "@axe-core/playwright";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

/**
 * Every public page without a parameter in its address, read from the app tree so a new page is
 * measured without anyone remembering to list it.
 */
function staticRoutes(dir = path.resolve("app/(public)"), prefix = ""): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isFile() && e.name === "page.tsx") out.push(prefix || "/");
    if (!e.isDirectory() || e.name.startsWith("[") || e.name.startsWith("_")) continue;
    out.push(...staticRoutes(path.join(dir, e.name), `${prefix}/${e.name}`));
  }
  return out.sort();
}
const STATIC_ROUTES = staticRoutes();

/** The first link on `list` whose path matches `pattern`. */
async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = await page.locator("main a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  const href = hrefs.map((h) => h.split("#")[0]).find((h) => pattern.test(h.split("?")[0]));
  expect(href, `a link matching ${String(pattern)} on ${list}`).toBeTruthy();
  return href!;
}

/**
 * One page of each kind with a parameter (a flight, a policy and its diff, an update, a camera
 * access, a plate search, an annual report), found from the lists so no id is hard-coded.
 */
async function recordRoutes(page: Page): Promise<string[]> {
  const policy = (await firstLink(page, "/policies", /^\/policies\/[^/]+$/)).split("?")[0].replace(/\/$/, "");
  return [
    await firstLink(page, "/drones/flights", /^\/drones\/flights\/[^/]+$/),
    policy,
    `${policy}/diff`,
    await firstLink(page, "/updates", /^\/updates\/[a-z0-9-]+$/),
    await firstLink(page, "/cameras/access-log", /^\/cameras\/access-log\/[^/]+$/),
    await firstLink(page, "/plate-readers", /^\/plate-readers\/searches\/[^/]+$/),
    await firstLink(page, "/reports", /^\/reports\/[^/]+\/\d{4}$/),
  ];
}

/** Elements wider than the viewport (or ending past it), for a failure message that says what to fix. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const el = document.scrollingElement!;
    const vw = el.clientWidth;
    const culprits: string[] = [];
    if (el.scrollWidth > vw) {
      for (const e of Array.from(document.querySelectorAll("main *, header *"))) {
        const r = e.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0) {
          const parentOver = e.parentElement && e.parentElement.getBoundingClientRect().right > vw + 1;
          if (!parentOver || culprits.length < 3)
            culprits.push(`${e.tagName.toLowerCase()}.${String(e.className)} right=${Math.round(r.right)}`);
        }
        if (culprits.length > 8) break;
      }
    }
    return { scrollWidth: el.scrollWidth, clientWidth: vw, culprits };
  });
}

/** Controls a thumb must hit that are shorter than 44 px (links inside running text are exempt). */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const sel = [
      "header nav a",
      "main button",
      "main summary",
      "main select",
      "main input:not([type=hidden]):not([type=checkbox]):not([type=radio])",
      "main .button",
      "main nav a",
      "main th a",
    ].join(",");
    const small: string[] = [];
    for (const e of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // hidden (e.g. inside a closed <details>)
      if (r.height < 43.5)
        small.push(`${e.tagName.toLowerCase()} "${(e.textContent ?? "").trim().slice(0, 30)}" ${r.height}px`);
    }
    return small;
  });
}

for (const width of [360, 390]) {
  test(`no public page scrolls sideways at ${width} px, and controls are thumb-sized`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 800 });
    const routes = [...STATIC_ROUTES, ...(await recordRoutes(page))];
    const problems: string[] = [];
    for (const route of routes) {
      const res = await page.goto(route);
      expect(res?.status(), route).toBeLessThan(400);
      const o = await overflow(page);
      if (o.scrollWidth > o.clientWidth)
        problems.push(`${route}: ${o.scrollWidth} > ${o.clientWidth} (${o.culprits.join("; ")})`);
      const small = await smallTargets(page);
      if (small.length) problems.push(`${route}: small targets ${small.slice(0, 5).join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
}

test("tables stack into label: value cards on a phone and stay tables on a desktop", async ({ page }, info) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/cameras/access-log");
  const firstCell = page.locator("main table tbody tr").first().locator("td").first();
  const label = await firstCell.getAttribute("data-label");
  expect(label, "cells carry their column's label").toBeTruthy();
  const before = await firstCell.evaluate((e) => getComputedStyle(e, "::before").content);
  expect(before).toContain(label!);
  expect(await firstCell.evaluate((e) => getComputedStyle(e).display)).toBe("flow-root");
  await page.screenshot({ path: info.outputPath("phone-access-log-390.png"), fullPage: false });

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  expect(await firstCell.evaluate((e) => getComputedStyle(e).display)).toBe("table-cell");
  await page.screenshot({ path: info.outputPath("phone-access-log-1280.png"), fullPage: false });
});

test("a stacked card's labels fit every word in their column, in English and Spanish", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 800 });
  const problems: string[] = [];
  for (const route of ["/costs", "/cameras", "/cameras/access-log", "/plate-readers", "/cso"])
    for (const lang of ["en", "es"]) {
      await page.goto(`${route}?lang=${lang}`);
      // Each word of each label, measured in the label's own font, against the label column's width
      // (a word wider than the column ran into the value beside it where no hyphenation exists).
      const over = await page.evaluate(() => {
        const probe = document.createElement("span");
        probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
        document.body.appendChild(probe);
        const out: string[] = [];
        for (const el of Array.from(document.querySelectorAll("table.stack > tbody > tr > [data-label]"))) {
          const before = getComputedStyle(el, "::before");
          probe.style.font = before.font;
          for (const word of (el.getAttribute("data-label") ?? "").split(/\s+/)) {
            probe.textContent = word;
            const w = probe.getBoundingClientRect().width;
            if (w > parseFloat(before.width) + 0.5) out.push(`"${word}" ${w.toFixed(0)} > ${before.width}`);
          }
        }
        probe.remove();
        return [...new Set(out)];
      });
      if (over.length) problems.push(`${route}?lang=${lang}: ${over.join(", ")}`);
    }
  expect(problems).toEqual([]);
});

test("filter forms and the menu fold behind a button on a phone and open without scripts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
  const page = await context.newPage();
  await page.goto("/drones/flights");
  const summary = page.locator("main details summary", { hasText: /^Filter/ }).first();
  await expect(summary).toBeVisible();
  const firstSelect = page.locator("main details form select").first();
  await expect(firstSelect).toBeHidden();
  await summary.click();
  await expect(firstSelect).toBeVisible();
  // Arriving with a filter applied, the form is open so the resident sees what is applied.
  await page.goto("/drones/flights?linked=yes");
  await expect(page.locator("main details summary").first()).toHaveText("Filter (1 applied)");
  await expect(firstSelect).toBeVisible();
  // The site menu folds the same way.
  const menu = page.locator("header nav summary", { hasText: "Menu" });
  await expect(page.locator("header nav a", { hasText: "Cameras" })).toBeHidden();
  await menu.click();
  await expect(page.locator("header nav a", { hasText: "Cameras" })).toBeVisible();
  await context.close();
});

test("public pages pass axe at phone width", async ({ page }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 390, height: 800 });
  const routes = [...STATIC_ROUTES, ...(await recordRoutes(page))];
  const failures: string[] = [];
  for (const route of routes) {
    await page.goto(route);
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
    for (const v of axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical"))
      failures.push(`${route}: ${v.id} (${v.nodes.length})`);
  }
  expect(failures).toEqual([]);
});
