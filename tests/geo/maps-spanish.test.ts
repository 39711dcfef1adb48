// Issue 21.7: the maps' own words (legend, area list, the table alternative, marker kinds) follow
// the page's language.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { CityMap } from "@/components/maps/city-map";
import { InteractiveMap } from "@/components/maps/interactive-map";
import { areasFromFeatures } from "@/components/maps/types";
import { city } from "@/lib/config/city";

const c = city();
const areas = areasFromFeatures(c.areas);
const points = c.docks.map((d) => ({ id: d.slug, label: d.name, lat: d.lat, lon: d.lon, kind: "dock" as const }));
const render = (locale: "en" | "es", el: React.ReactElement) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: locale === "es" ? es : en,
      timeZone: "UTC",
      children: el,
    }),
  );

describe("map words by language", () => {
  it("the static map's legend and table alternative are in Spanish on a Spanish page", () => {
    const props = { id: "m", title: "Bases", areas, points, path: [points[0], points[1]] };
    const html = render("es", createElement(CityMap, props));
    for (const w of ["Leyenda", "Base de drones", "Trayectoria publicada", "el mapa como tabla", "Lugares en el mapa"])
      expect(html).toContain(w);
    for (const w of ["Legend", "Drone dock", "Published path", "the map as a table", "Places on the map"])
      expect(html).not.toContain(w);
    expect(render("en", createElement(CityMap, props))).toContain("Legend");
  });

  it("the interactive map's area list is in Spanish", () => {
    const html = render("es", createElement(InteractiveMap, { id: "i", title: "Mapa", areas, points }));
    expect(html).toContain("Todas las zonas");
    expect(html).toContain(`Elegir ${areas[0].name}`);
    expect(html).not.toContain("All areas");
  });
});
