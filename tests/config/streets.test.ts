// Issue 21 item 5: the demo city names a streets layer and an address-points file consistent with
// the street names its camera sites and docks use, and the SVG map draws the streets under the data
// with street names that never overlap each other or the area names.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import en from "@/messages/en.json";
import { describe, expect, it } from "vitest";
import { CityMap } from "@/components/maps/city-map";
import { layoutOverlaps } from "@/components/maps/label-layout";
import { areasFromFeatures } from "@/components/maps/types";
import { EW_STREETS, NS_STREETS } from "@/server/seed/names";
import { city } from "@/lib/config/city";

describe("demo city streets and address points", () => {
  const c = city();
  const names = new Set(c.streets.map((s) => s.name));

  it("has every street the camera sites are named after, and the docks' cross streets", () => {
    for (const s of [...NS_STREETS, ...EW_STREETS]) expect(names.has(s), s).toBe(true);
    for (const d of c.docks) {
      const cross = /([A-Z][\w ]+ (?:St|Ave|Way|Rd|Dr|Blvd)) & ([\w ]+ (?:St|Ave|Way|Rd|Dr|Blvd))/.exec(d.site);
      if (cross) for (const s of [cross[1], cross[2]]) expect(names.has(s), `${d.name}: ${s}`).toBe(true);
    }
  });

  it("has an address point for every intersection of the grid, inside the city's region", () => {
    const points = new Map(c.addressPoints.map((p) => [p.name, p]));
    for (const a of NS_STREETS) for (const b of EW_STREETS) expect(points.has(`${a} & ${b}`), `${a} & ${b}`).toBe(true);
    for (const p of c.addressPoints) {
      expect(p.lon).toBeGreaterThan(c.region.west);
      expect(p.lon).toBeLessThan(c.region.east);
      expect(p.lat).toBeGreaterThan(c.region.south);
      expect(p.lat).toBeLessThan(c.region.north);
    }
  });

  it("the map draws the streets, and its street and area names do not overlap", () => {
    const html = renderToStaticMarkup(
      // The map's own words come from the messages, as on a page.
      createElement(NextIntlClientProvider, {
        locale: "en",
        messages: en,
        timeZone: "UTC",
        children: createElement(CityMap, {
          id: "t",
          title: "Test",
          areas: areasFromFeatures(c.areas),
          streets: c.streets,
        }),
      }),
    );
    expect((html.match(/data-layer="streets"/g) ?? []).length).toBe(1);
    const labels = [...html.matchAll(/<text[^>]*x="([\d.]+)" y="([\d.]+)"[^>]*>(?:<tspan[^>]*>)?([^<]+)</g)].map(
      (m, i) => ({ key: String(i), x: Number(m[1]), y: Number(m[2]), lines: [m[3]] }),
    );
    const streetLabels = labels.filter((l) => names.has(l.lines[0]));
    expect(streetLabels.length).toBeGreaterThan(3);
    expect(layoutOverlaps(labels, labels, { fontSize: 10, lineHeight: 14, pad: 0 })).toBe(false);
  });
});
