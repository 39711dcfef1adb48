// Issue 25 item 14: area names on the maps never overlap ("Westwood ParkOld Town").
import { describe, expect, it } from "vitest";
import { layoutOverlaps, placeLabels, type LabelInput } from "@/components/maps/label-layout";
import { makeProjection, ringCenter, boundsOf, ringsOf } from "@/components/maps/projection";
import { city } from "@/lib/config/city";

const o = { width: 600, height: 400, fontSize: 12, lineHeight: 14 };

describe("map label layout", () => {
  it("two neighbouring centres: the second label moves or is left out, never drawn on top", () => {
    const labels: LabelInput[] = [
      { key: "westwood", x: 300, y: 200, lines: ["Westwood Park"] },
      { key: "old-town", x: 330, y: 202, lines: ["Old Town"] },
    ];
    const placed = placeLabels(labels, o);
    expect(layoutOverlaps(labels, placed, o)).toBe(false);
    expect(placed.map((p) => p.key)).toEqual(["westwood", "old-town"]);
    expect(placed[1].y).not.toBe(202);
  });

  it("labels that cannot fit anywhere are left out, and none leave the map", () => {
    const labels: LabelInput[] = Array.from({ length: 12 }, (_, i) => ({
      key: `a${i}`,
      x: 300 + i,
      y: 200,
      lines: [`Area number ${i}`, "12 flights"],
    }));
    const placed = placeLabels(labels, o);
    expect(placed.length).toBeLessThan(labels.length);
    expect(layoutOverlaps(labels, placed, o)).toBe(false);
  });

  it("the demo city's areas at the page's map size have no overlapping names", () => {
    const areas = city().areas;
    const pts = areas.flatMap((a) =>
      ringsOf(a.geometry)
        .flat()
        .map(([lon, lat]) => ({ lat, lon })),
    );
    const proj = makeProjection(boundsOf(pts), 640);
    const labels = areas.map((a) => {
      const [x, y] = proj.project(ringCenter(a.geometry));
      return { key: a.properties.slug, x, y, lines: [a.properties.name, "fewer than 11 flights"] };
    });
    const placed = placeLabels(labels, { ...o, width: proj.width, height: proj.height });
    expect(layoutOverlaps(labels, placed, o)).toBe(false);
    expect(placed.length).toBeGreaterThan(0);
  });
});
