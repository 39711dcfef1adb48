import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inRegion, loadCityConfig } from "../../lib/config/city";

describe("city configuration", () => {
  it("loads the demo city with its areas", () => {
    const c = loadCityConfig("config/demo-city.json");
    expect(c.timeZone).toBe("America/Los_Angeles");
    expect(c.areas.length).toBe(8);
    expect(c.areas.reduce((s, a) => s + a.properties.population, 0)).toBe(35000);
    expect(c.docks).toHaveLength(3);
    for (const d of c.docks) expect(inRegion(c, d.lat, d.lon)).toBe(true);
    expect(inRegion(c, 40.7, -74)).toBe(false);
  });

  it("rejects an invalid file naming the field", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "city-"));
    const file = path.join(dir, "bad.json");
    const good = JSON.parse(JSON.stringify(loadCityConfig("config/demo-city.json")));
    delete good.areas;
    writeFileSync(
      file,
      JSON.stringify({ ...good, timeZone: "Mars/Olympus", region: { west: 1, east: 0, south: 0, north: 1 } }),
    );
    let err: unknown;
    try {
      loadCityConfig(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain("timeZone");
  });

  it("rejects a missing file with a plain message", () => {
    expect(() => loadCityConfig("config/nope.json")).toThrow(/does not exist/);
  });
});
