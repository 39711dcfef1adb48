// Issue 21.7: on a Spanish page, a chart's or table's label that is English data (a call type, an
// agency, a code the messages do not translate) says so with lang="en", so screen readers
// pronounce it right; a label translated by the messages is not marked, and nothing is marked on
// an English page.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { ChartFigure } from "@/components/charts";
import { CountTable } from "@/components/tables/count-table";
import { dataLabel } from "@/i18n/data-label";
import { seriesRows, type BreakdownRow } from "@/lib/rollups";

const render = (locale: "en" | "es", el: React.ReactElement) =>
  renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: locale === "es" ? es : en,
      timeZone: "UTC",
      children: el,
    }),
  );
const row = (key: string, label: string, count: number, ord: number): BreakdownRow => ({
  key,
  key2: "",
  label,
  label2: "",
  count,
  suppressed: false,
  value: null,
  ord,
});
/** The lang attribute on the element whose text is exactly `text`, or "none". */
const langOf = (html: string, text: string) => {
  const m = new RegExp(`<(\\w+)([^>]*)>${text.replace(/[()]/g, "\\$&")}</\\1>`).exec(html);
  if (!m) return `missing ${text}`;
  return /lang=["'](\w+)["']/.exec(m[2])?.[1] ?? "none";
};

describe("data labels' language", () => {
  it("a translated label is plain; an untranslated one is English only on a non-English page", () => {
    expect(dataLabel("Cancelado", "Cancelled", "es")).toEqual({ label: "Cancelado" });
    expect(dataLabel(null, "Traffic collision", "es")).toEqual({ label: "Traffic collision", lang: "en" });
    expect(dataLabel(null, "Traffic collision", "en")).toEqual({ label: "Traffic collision" });
  });

  it("seriesRows carries the language the page gives a row's label", () => {
    const rows = [row("traffic", "Traffic collision", 40, 1), row("noise", "Noise complaint", 12, 2)];
    const out = seriesRows(rows, "Llamadas", {
      splitLabel: false,
      labelLang: (r) => (r.key === "noise" ? "en" : undefined),
    });
    expect(out.rows.map((r) => r.lang)).toEqual([undefined, "en"]);
    expect(seriesRows(rows, "Calls", { splitLabel: false }).rows.every((r) => !("lang" in r))).toBe(true);
  });

  it("a chart's table and legend mark English series and rows, and only those", () => {
    const el = createElement(ChartFigure, {
      kind: "bar",
      title: "Llamadas por tipo",
      rowHeader: "Tipo de llamada",
      rows: [
        { label: "Traffic collision", values: { a: 12, b: 20 }, lang: "en" },
        { label: "Ruido", values: { a: 15, b: 30 } },
      ],
      series: [
        { key: "a", label: "Patrol request", lang: "en" },
        { key: "b", label: "Llamada al 911" },
      ],
    });
    const page = render("es", el);
    // The table (what screen readers read; the drawing is hidden from them) and the legend.
    const html = page.slice(page.indexOf("<table"));
    expect(langOf(html, "Traffic collision")).toBe("en");
    expect(langOf(html, "Patrol request")).toBe("en");
    expect(langOf(html, "Ruido")).toBe("none");
    expect(langOf(html, "Llamada al 911")).toBe("none");
    const legend = page.slice(page.indexOf("<ul"), page.indexOf("</ul>"));
    expect(langOf(legend, "Patrol request")).toBe("en");
    expect(langOf(legend, "Llamada al 911")).toBe("none");
  });

  it("a count table marks an English row label", () => {
    const html = render(
      "es",
      createElement(CountTable, {
        caption: "Tipos",
        header: "Tipo",
        valueHeader: "Vuelos",
        rows: [
          { key: "t", label: "Traffic collision", text: "40", lang: "en" },
          { key: "c", label: "Cancelado", text: "12" },
        ],
        total: { label: "Todos los tipos", text: "52" },
      }),
    );
    expect(langOf(html, "Traffic collision")).toBe("en");
    expect(langOf(html, "Cancelado")).toBe("none");
    expect(langOf(html, "Todos los tipos")).toBe("none");
  });
});
