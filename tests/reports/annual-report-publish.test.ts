// The annual report publisher on the drone fixture (flights over the 60 days before 2026-01-15,
// so across a year end), with complaints, findings, records requests and budget lines added.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetItems, feedback, programs, pubAnnualReports, recordsRequests } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { runPublish } from "../../server/publish/run";
import type { AnnualReportData } from "../../lib/reports/annual";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";

const opts = {
  pseudonymKey: "test-pseudonym-key-0123456789",
  timeZone: "America/Los_Angeles",
  asOf: NOW,
  only: ["drones", "annual-reports"],
};
let t: TestDb;
let reports: (typeof pubAnnualReports.$inferSelect)[];

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
  const [drones] = await t.db
    .insert(programs)
    .values({ slug: "drones", name: "Drones as first responders", status: "pilot" })
    .returning();
  const jan = new Date("2026-01-05T18:00:00Z");
  await t.db.insert(feedback).values([
    ...Array.from({ length: 12 }, () => ({
      kind: "complaint" as const,
      programId: drones.id,
      targetType: "program",
      body: "a resident's words, never public",
      status: "resolved" as const,
      outcome: "Flight reviewed; it followed policy.",
      createdAt: jan,
      resolvedAt: jan,
    })),
    ...Array.from({ length: 3 }, () => ({
      kind: "complaint" as const,
      programId: drones.id,
      targetType: "program",
      body: "another resident's words",
      createdAt: jan,
    })),
  ]);
  await t.db.insert(recordsRequests).values([
    ...Array.from({ length: 13 }, (_, i) => ({
      programId: drones.id,
      receivedOn: "2026-01-02",
      closedOn: `2026-01-${String(3 + (i % 9)).padStart(2, "0")}`,
      outcome: "fulfilled" as const,
    })),
    ...Array.from({ length: 4 }, () => ({
      programId: drones.id,
      receivedOn: "2026-01-03",
      outcome: "denied" as const,
    })),
  ]);
  await t.db.insert(budgetItems).values([
    {
      programId: drones.id,
      name: "Dock hardware",
      approvedAmountCents: 150_000_00,
      actualCostCents: 120_000_00,
      fundingSource: "State grant",
      status: "complete",
      fiscalYear: "FY2025-26",
    },
    {
      programId: drones.id,
      name: "Old pilot",
      approvedAmountCents: 9_00,
      fundingSource: "General Fund",
      status: "complete",
      fiscalYear: "FY2019-20",
    },
  ]);
  await runPublish(t.db, opts);
  reports = await t.db.select().from(pubAnnualReports);
}, 600_000);
afterAll(async () => t?.close());

/** Every (value, suppressed) count and count row in a report. */
function counts(d: unknown, out: { n: number | null; suppressed: boolean }[] = []) {
  if (Array.isArray(d)) d.forEach((x) => counts(x, out));
  else if (d && typeof d === "object") {
    const o = d as Record<string, unknown>;
    if ("suppressed" in o)
      out.push({ n: (o.count ?? o.value ?? null) as number | null, suppressed: Boolean(o.suppressed) });
    for (const v of Object.values(o)) counts(v, out);
  }
  return out;
}

describe(`annual report publication (${dbMode})`, () => {
  it("publishes one report per program and calendar year the data reaches", () => {
    expect(reports.map((r) => `${r.program}:${r.year}`).sort()).toEqual(["drones:2025", "drones:2026"]);
  });

  it("counts the year's flights by purpose up to the publication cutoff", async () => {
    const cutoff = new Date(NOW.getTime() - 7 * 24 * 3600_000).toISOString();
    for (const r of reports) {
      const [raw] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from drone_flights where extract(year from launched_at at time zone 'America/Los_Angeles') = ${r.year}
          and landed_at <= ${cutoff}::timestamptz`,
      );
      expect(r.data.uses.byPurpose.total).toEqual({ value: raw.n, suppressed: false });
      // Every fixture flight has an area: the areas' total is the uses total, so a lone hidden
      // area would be given away by subtraction; two are hidden or none.
      expect(r.data.civilRights.areasTotal).toEqual({ value: raw.n, suppressed: false });
      expect([0, 2]).toContain(r.data.civilRights.byArea.filter((a) => a.count.suppressed).length);
    }
  });

  it("never publishes a count from 1 to 10, nor a single hidden row beside a published total", () => {
    for (const r of reports) {
      for (const c of counts(r.data)) if (!c.suppressed && c.n !== null) expect(c.n === 0 || c.n >= 11).toBe(true);
      const d: AnnualReportData = r.data;
      for (const table of [d.uses.byPurpose, d.complaints.byKindAndStatus, d.recordsRequests.byOutcome]) {
        const hidden = table.rows.filter((x) => x.suppressed).length;
        if (!table.total.suppressed) expect(hidden === 0 || hidden >= 2).toBe(true);
      }
    }
  });

  it("reports complaints with their outcomes, records requests, and the fiscal year's costs", () => {
    const d = reports.find((r) => r.year === 2026)!.data;
    const resolved = d.complaints.byKindAndStatus.rows.find((r) => r.key === "complaint:resolved")!;
    expect(resolved.label).toBe("Complaints: resolved");
    // 12 resolved beside 3 new: the 3 are hidden, and the 12 with them (else total - 12 = 3).
    expect(resolved.suppressed).toBe(true);
    expect(d.complaints.byKindAndStatus.total).toEqual({ value: 15, suppressed: false });
    expect(d.complaints.outcomes).toContain("Flight reviewed; it followed policy.");
    expect(JSON.stringify(d)).not.toContain("never public");
    expect(d.recordsRequests.byOutcome.total).toEqual({ value: 17, suppressed: false });
    expect(d.recordsRequests.medianDaysToClose).toBe(4); // days 1-9 then 1-4
    expect(d.costs.items.map((i) => i.name)).toEqual(["Dock hardware"]);
    expect(d.costs).toMatchObject({ approvedCents: 150_000_00, spentCents: 120_000_00 });
  });
});
