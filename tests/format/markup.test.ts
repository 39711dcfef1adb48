// The charts' bars and their tables' rows are written as markup strings (lib/format/markup.ts) and
// handed to React as inner HTML. What a vendor's export or a published label holds must stay text:
// these tests give the builders and the chart table hostile labels and read the result back.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { ChartFigure } from "@/components/charts";
import { escapeHtml, htmlElement, join, svgElement, text } from "@/lib/format/markup";

const HOSTILE = `<script>alert("x")</script>' onmouseover='x' &amp;`;

describe("markup builders", () => {
  it("escape text and attribute values so neither can open an element or an attribute", () => {
    const cell = htmlElement("td", { "data-label": HOSTILE }, text(HOSTILE));
    expect(cell).not.toContain("<script");
    expect(cell).not.toMatch(/' onmouseover/);
    // Exactly one element, with one attribute: every < and quote of the input was escaped.
    expect(cell.match(/</g)).toHaveLength(2);
    expect(cell.match(/'/g)).toHaveLength(2);
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#x27;");
  });

  it("refuse element and attribute names that are not plain names", () => {
    expect(() => htmlElement("td onclick=x", {})).toThrow(/element name/);
    expect(() => svgElement("rect", { "x onload": 1 })).toThrow(/attribute name/);
  });

  it("leave out null and undefined attributes, and close an empty SVG element in its tag", () => {
    expect(svgElement("rect", { x: "1%", y: 2, fill: undefined, stroke: null })).toBe("<rect x='1%' y='2'/>");
    expect(htmlElement("td", {})).toBe("<td></td>");
    expect(svgElement("g", { fill: "red" }, join([svgElement("line", { x1: 0 })]))).toBe(
      "<g fill='red'><line x1='0'/></g>",
    );
  });
});

describe("a chart written as markup", () => {
  const render = (el: React.ReactElement) =>
    renderToStaticMarkup(
      createElement(NextIntlClientProvider, { locale: "en", messages: en, timeZone: "UTC", children: el }),
    );
  const rows = [
    { label: HOSTILE, values: { a: 5, b: 3 }, detail: "<i>detail</i>" },
    { label: "Week 2", values: { a: 0, b: null } },
    { label: "Week 3", values: { a: 12, b: 4 }, lang: "en" },
  ];
  const series = [
    { key: "a", label: "Live view" },
    { key: "b", label: `Play"back` },
  ];

  it("draws one bar per positive value and one table row per row, with every label as text", () => {
    const html = render(
      createElement(ChartFigure, { kind: "bar", stacked: true, title: "T", rows, series, rowHeader: "Week" }),
    );
    const positive = rows.flatMap((r) => Object.values(r.values)).filter((v) => v !== null && v > 0).length;
    expect(html.match(/<rect x=/g)).toHaveLength(positive);
    expect(html.match(/<tr><th scope='row'/g)).toHaveLength(rows.length);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<i>detail");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)");
    expect(html).toContain("data-label='Play&quot;back'");
    expect(html).toContain("<span lang='en'>Week 3</span>");
    // A stacked week's bars meet: the upper bar ends where the lower one starts.
    const bars = [...html.matchAll(/<rect x='([\d.]+)%' width='[\d.]+%' y='([\d.]+)' height='([\d.]+)'\/>/g)].map(
      (m) => ({
        x: Number(m[1]),
        y: Number(m[2]),
        h: Number(m[3]),
      }),
    );
    const lower = bars.find((b) => b.x === bars[0].x)!;
    const upper = bars.filter((b) => b.x === lower.x).find((b) => b !== lower)!;
    expect(upper.y + upper.h).toBeCloseTo(lower.y, 1);
  });

  it("draws a line's segments only between published points, and a marker on each", () => {
    const html = render(createElement(ChartFigure, { kind: "line", title: "T", rows, series, rowHeader: "Week" }));
    // Series a: three points, two segments; series b: a gap at week 2, so no segment and two markers.
    expect(html.match(/<line x1='/g)).toHaveLength(2);
    expect(html.match(/<svg x='/g)).toHaveLength(5);
  });
});
