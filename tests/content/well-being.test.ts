// The well-being strategy: where a phase stands on a day, and staff phases and themes saved once
// per phase or theme (a second save replaces the first), read back for the public page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listEngagementThemes, listStrategyPhases } from "../../db/queries/public/well-being";
import { savePhase, saveTheme } from "../../db/queries/staff/well-being";
import { PHASE_LABELS, phaseStatus } from "../../lib/content/strategy";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

describe("phase status", () => {
  it("is not started before its first day, under way through its last, then complete", () => {
    const p = { startsOn: "2026-03-01", endsOn: "2026-06-30" };
    expect(phaseStatus(p, "2026-02-28")).toBe("not started");
    expect(phaseStatus(p, "2026-03-01")).toBe("under way");
    expect(phaseStatus(p, "2026-06-30")).toBe("under way");
    expect(phaseStatus(p, "2026-07-01")).toBe("complete");
    expect(phaseStatus({ startsOn: "2026-03-01", endsOn: null }, "2030-01-01")).toBe("under way");
    expect(Object.values(PHASE_LABELS)[0]).toMatch(/^Phase 1/);
  });
});

describe(`well-being content (${dbMode})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  }, 120_000);
  afterAll(async () => t?.close());

  it("keeps one row per phase and per theme, in date and count order", async () => {
    await savePhase(t.db, { phase: "implementation", startsOn: "2026-07-01", endsOn: null, summary: "Programs launch." });
    await savePhase(t.db, { phase: "strategy_development", startsOn: "2025-09-01", endsOn: "2026-01-31", summary: "" });
    await savePhase(t.db, { phase: "implementation", startsOn: "2026-08-01", endsOn: null, summary: "Moved a month." });
    const phases = await listStrategyPhases({ db: t.db });
    expect(phases.map((p) => [p.phase, p.startsOn])).toEqual([
      ["strategy_development", "2025-09-01"],
      ["implementation", "2026-08-01"],
    ]);
    await saveTheme(t.db, { theme: "Street lighting", serviceArea: "neighborhood_livability", comments: 40, summary: "More lights on side streets." });
    await saveTheme(t.db, { theme: "Mental health response", serviceArea: "health_human_services", comments: 25, summary: "Send clinicians, not deputies." });
    await saveTheme(t.db, { theme: "Mental health response", serviceArea: "health_human_services", comments: 61, summary: "Send clinicians, not deputies." });
    const themes = await listEngagementThemes({ db: t.db });
    expect(themes.map((x) => [x.theme, x.comments])).toEqual([
      ["Mental health response", 61],
      ["Street lighting", 40],
    ]);
  });
});
