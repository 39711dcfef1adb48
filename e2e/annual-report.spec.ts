// The annual surveillance report: reached from the council scorecard, written to by staff, served
// as JSON, and printed by Chromium to a PDF in which every section is present and has content.
import { writeFileSync } from "node:fs";
import { expect as baseExpect, test, type Page } from "@playwright/test";
import { signInAs } from "./review-helpers";
import { expectNoSeriousA11yIssues } from "./staff-helpers";

const expect = baseExpect.configure({ timeout: 30_000 });

const SECTIONS = {
  summary: "Summary",
  uses: "How the technology was used, by purpose",
  sharing: "Data sharing, by recipient",
  complaints: "Complaints and their outcomes",
  audits: "Audits, findings and violations",
  costs: "Costs and funding",
  effectiveness: "Effectiveness against the pilot's targets and baseline",
  records_requests: "Public records requests",
  civil_rights: "Civil rights and civil liberties: activity by area",
};

/** The text of every page of a PDF, in reading order. */
async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return pages.join("\n");
}

/** Text without spaces: Chromium prints ligatures ("ﬁ" in "findings") as separate runs, "fi ndings". */
function squash(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "");
}

async function openNewestDroneReport(page: Page): Promise<string> {
  await page.goto("/council");
  await page.getByRole("link", { name: "Annual surveillance reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Annual surveillance reports" })).toBeVisible();
  // The newest year is listed first: whatever today is, it is the year the demo data reaches.
  await page.getByRole("link", { name: "Drones as first responders" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("annual surveillance report");
  return new URL(page.url()).pathname;
}

test("staff write a section, residents read the report on screen, as JSON and as a printed PDF", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const path = await openNewestDroneReport(page);
  const [, , program, year] = path.split("/");
  expect(program).toBe("drones");

  // Staff write the summary; it is public as written.
  const stamp = `Reviewed by the oversight committee ${Date.now()}`;
  await signInAs(page, "staff", `/staff/reports?program=${program}&year=${year}`);
  const form = page.getByRole("form", { name: "Text of Summary" });
  await form.getByLabel(/^Text/).fill(`${stamp}.\n\nThe drones flew **only** to calls for service.`);
  await form.getByRole("button", { name: "Save section text" }).click();
  await expect(form.getByRole("status")).toContainText("Section text saved.");
  // A records request with a closing date before its receipt is refused in words.
  const req = page.getByRole("form", { name: "Add a records request" });
  await req.getByLabel("Received on").fill("2026-03-10");
  await req.getByLabel("Closed on").fill("2026-03-01");
  await req.getByLabel("Outcome").selectOption("fulfilled");
  await req.getByRole("button", { name: "Add request" }).click();
  await expect(req.getByText("A request cannot close before it was received")).toBeVisible();

  await page.goto(path);
  await expect(page.locator("#summary")).toContainText(stamp);
  for (const [id, title] of Object.entries(SECTIONS)) {
    const s = page.locator(`section[data-section="${id}"]`);
    await expect(s.getByRole("heading", { level: 2 })).toHaveText(title);
    const body = (await s.innerText()).replace(title, "").trim();
    expect(body.length, `section ${id} has content`).toBeGreaterThan(10);
  }
  // Uses are counted by purpose, and small counts are words, never 1 to 10.
  await expect(page.locator("#uses table tbody tr").first()).toBeVisible();
  const cells = await page.locator("section td.num").allInnerTexts();
  for (const c of cells) if (/^\d+$/.test(c.trim())) expect(Number(c) === 0 || Number(c) >= 11).toBe(true);
  await expectNoSeriousA11yIssues(page);
  await page.screenshot({ path: test.info().outputPath("report-screen.png"), fullPage: true });

  // Printed: the site navigation is gone and every section is in the PDF with its content.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header nav")).toBeHidden();
  await page.screenshot({ path: test.info().outputPath("report-print.png"), fullPage: true });
  const pdf = await page.pdf({ format: "Letter", printBackground: true });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = await pdfText(pdf);
  writeFileSync(test.info().outputPath("report-pdf.txt"), text);
  const flat = squash(text);
  const titles = Object.values(SECTIONS).map(squash);
  let at = -1;
  for (const [i, title] of titles.entries()) {
    const pos = flat.indexOf(title, at + 1);
    expect(pos, `"${title}" printed after the previous section`).toBeGreaterThan(at);
    const next = i + 1 < titles.length ? flat.indexOf(titles[i + 1], pos) : flat.length;
    expect(flat.slice(pos + title.length, next).length, `"${title}" has printed content`).toBeGreaterThan(10);
    at = pos;
  }
  expect(flat).toContain(squash(stamp));

  // The same report as JSON; a bad address is a 400 in words, an unpublished year a 404.
  const json = await request.get(`/api/v1/reports/${program}/${year}`);
  expect(json.status()).toBe(200);
  const body = (await json.json()) as {
    year: number;
    uses: { byPurpose: { total: { value: number | null } } };
    narratives: Record<string, { body: string }>;
  };
  expect(body.year).toBe(Number(year));
  expect(body.narratives.summary.body).toContain(stamp);
  expect(JSON.stringify(body)).not.toMatch(/"contact(Name|Email)"/);
  const bad = await request.get(`/api/v1/reports/not-a-program/${year}`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { error: string }).error).toContain("program must be one of");
  expect((await request.get(`/api/v1/reports/${program}/2001`)).status()).toBe(404);
  expect((await page.goto("/reports/drones/20x6"))?.status()).toBe(404);
});
