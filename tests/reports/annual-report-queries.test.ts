// Staff narrative and records-request writes, and the public report read that joins the published
// figures with the staff text, the year's effectiveness against targets and the demographic rates.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricTargets, programs, recordsRequests } from "../../db/schema";
import { getAnnualReport, listAnnualReports } from "../../db/queries/public/annual-reports";
import { addRecordsRequest, listNarratives, saveNarrative } from "../../db/queries/staff/reports";
import { runPublish } from "../../server/publish/run";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { NOW, seedFixture } from "../publish/fixture";

let t: TestDb;
const opts = {
  pseudonymKey: "k".repeat(32),
  timeZone: "America/Los_Angeles",
  asOf: NOW,
  only: ["drones", "annual-reports"],
};

beforeAll(async () => {
  t = await createTestDb();
  await seedFixture(t.db);
  await t.db.insert(programs).values([
    { slug: "drones", name: "Drones as first responders", status: "pilot" },
    { slug: "cso", name: "Community Safety Officers", status: "pilot" },
  ]);
  await t.db.insert(metricTargets).values([
    {
      metricKey: "drone_share_first_on_scene",
      label: "First on scene",
      target: 0.5,
      unit: "share",
      direction: "higher_is_better",
    },
    {
      metricKey: "cso_share_no_sworn",
      label: "No sworn backup",
      target: 0.8,
      unit: "share",
      direction: "higher_is_better",
    },
  ]);
  await runPublish(t.db, opts);
}, 600_000);
afterAll(async () => t?.close());

describe(`annual report reads and staff writes (${dbMode})`, () => {
  it("lists the published reports newest first", async () => {
    const list = await listAnnualReports({ db: t.db });
    expect(list[0].year).toBe(2026);
    expect(list.map((r) => r.program)).toContain("cso");
  });

  it("shows staff text per section, replaces it, and removes it when emptied", async () => {
    await saveNarrative(t.db, {
      program: "drones",
      year: 2026,
      section: "uses",
      body: "Flights *only* for calls.",
      userId: null,
    });
    await saveNarrative(t.db, {
      program: "drones",
      year: 2026,
      section: "uses",
      body: "Flights only for calls.",
      userId: null,
    });
    const r = await getAnnualReport({ db: t.db, program: "drones", year: 2026, today: "2026-01-15" });
    expect(r?.narratives.uses?.body).toBe("Flights only for calls.");
    expect(await listNarratives({ db: t.db, program: "drones", year: 2026 })).toHaveLength(1);
    await saveNarrative(t.db, { program: "drones", year: 2026, section: "uses", body: "", userId: null });
    expect(await listNarratives({ db: t.db, program: "drones", year: 2026 })).toHaveLength(0);
    expect(
      await saveNarrative(t.db, { program: "watch_center", year: 2026, section: "uses", body: "x", userId: null }),
    ).toBeNull();
  });

  it("keeps only the program's targets, valued for the report's year", async () => {
    const r = (await getAnnualReport({ db: t.db, program: "drones", year: 2026, today: "2026-01-15" }))!;
    expect(r.effectiveness.map((m) => m.key)).toEqual(["drone_share_first_on_scene"]);
    expect(r.effectiveness[0].target).toBe(0.5);
    expect(await getAnnualReport({ db: t.db, program: "drones", year: 2019, today: "2026-01-15" })).toBeNull();
  });

  it("gives activity per 1,000 residents by demographic group from the published area counts", async () => {
    const r = (await getAnnualReport({
      db: t.db,
      program: "drones",
      year: 2025,
      today: "2026-01-15",
      demographics: {
        source: "test figures",
        groups: { a: "Group A", b: "Group B" },
        areas: { north: { a: 0.9, b: 0.1 }, south: { a: 0.1, b: 0.9 } },
      },
    }))!;
    const byArea = r.data.civilRights.byArea;
    expect(byArea.map((a) => a.slug).sort()).toEqual(["north", "south"]);
    const north = byArea.find((a) => a.slug === "north")!;
    const south = byArea.find((a) => a.slug === "south")!;
    const a = r.demographics!.rates.find((x) => x.group === "a")!;
    expect(a.label).toBe("Group A");
    expect(a.residents).toBe(10000);
    expect(a.per1000).toBeCloseTo(((north.count.value! * 0.9 + south.count.value! * 0.1) / 10000) * 1000);
  });

  it("records a request with dates and outcome only", async () => {
    const r = await addRecordsRequest(t.db, {
      program: "drones",
      receivedOn: "2026-01-02",
      closedOn: "2026-01-09",
      outcome: "fulfilled",
      userId: null,
    });
    expect(r?.id).toBeGreaterThan(0);
    const rows = await t.db.select().from(recordsRequests);
    expect(rows).toHaveLength(1);
    await expect(
      addRecordsRequest(t.db, {
        program: "drones",
        receivedOn: "2026-01-09",
        closedOn: "2026-01-02",
        outcome: "denied",
        userId: null,
      }),
    ).rejects.toThrow();
  });
});
