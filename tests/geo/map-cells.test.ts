// The map's cells drawn as one path per resolution and shade: every cell's outline is drawn once,
// in its own shade (hatched when too few to publish), and a fine cell over the coarse one holding it.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { cellToChildren, cellToParent, latLngToCell } from "h3-js";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { CityMap, prepareMap } from "@/components/maps/city-map";
import { shadeClasses, shadeFor } from "@/components/maps/cell-shading";
import { pointsPath, ringPath } from "@/components/maps/projection";
import { cellOutline } from "@/components/maps/geo";
import { areasFromFeatures } from "@/components/maps/types";
import { city } from "@/lib/config/city";

const c = city();
const areas = areasFromFeatures(c.areas);
const fine = latLngToCell(c.docks[0].lat, c.docks[0].lon, 8);
const coarse = cellToParent(fine, 7);
// Fine cells around the dock, with counts from suppressed (null) to many; one coarse cell holding them.
const siblings = cellToChildren(cellToParent(fine, 7), 8).slice(0, 6);
const cells = [
  { cell: coarse, count: 40 },
  ...siblings.map((cell, i) => ({ cell, count: [null, 3, 12, 12, 90, 300][i] })),
];

describe("map cells", () => {
  it("draws each cell once in its shade, coarse cells first, in a few paths", () => {
    const props = { id: "m", title: "Cells", areas, cells, textAlternative: "none" as const };
    const html = renderToStaticMarkup(
      createElement(NextIntlClientProvider, {
        locale: "en",
        messages: en,
        timeZone: "UTC",
        children: createElement(CityMap, props),
      }),
    );
    const { proj } = prepareMap(props);
    const classes = shadeClasses(cells.map((x) => x.count));
    const paths = [...html.matchAll(/<path d="([^"]+)" fill="([^"]+)"/g)].map((m) => ({ d: m[1], fill: m[2] }));
    for (const x of cells) {
      const outline = ringPath(cellOutline(x.cell), proj);
      const holding = paths.filter((p) => p.d.includes(outline));
      expect(holding, x.cell).toHaveLength(1);
      expect(holding[0].fill).toBe(shadeFor(x.count, classes) ?? "url(#m-hatch)");
    }
    const at = (cell: string) => paths.findIndex((p) => p.d.includes(ringPath(cellOutline(cell), proj)));
    for (const s of siblings) expect(at(s)).toBeGreaterThan(at(coarse));
    // Seven cells, fewer paths: the two cells of 12 share theirs.
    expect(
      new Set(paths.filter((p) => cells.some((x) => p.d.includes(ringPath(cellOutline(x.cell), proj)))).map((p) => p.d))
        .size,
    ).toBeLessThan(cells.length);
  });

  it("writes a ring as steps from its first corner that land on the corners, to the tenth of a pixel", () => {
    const { proj } = prepareMap({ areas, cells });
    for (const x of cells) {
      const outline = cellOutline(x.cell);
      const d = ringPath(outline, proj);
      const m = /^M(-?[\d.]+),(-?[\d.]+)l(.*)Z$/.exec(d)!;
      const steps = (m[3].match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
      expect(steps).toHaveLength(2 * (outline.length - 1));
      let [px, py] = [Number(m[1]), Number(m[2])];
      const tenth = (v: number) => Math.round(v * 10) / 10;
      outline.forEach((p, i) => {
        if (i > 0) [px, py] = [px + steps[2 * i - 2], py + steps[2 * i - 1]];
        const [ex, ey] = proj.project(p);
        expect(px).toBeCloseTo(tenth(ex), 6);
        expect(py).toBeCloseTo(tenth(ey), 6);
      });
      expect(d.length).toBeLessThan((pointsPath(outline, proj) + "Z").length);
    }
  });
});
