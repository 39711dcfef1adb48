// Issue 25 items 9 and 15: a page past the end says so instead of "Showing 24,951–2,993 of
// 2,993", and counts read "1 flight", "2 flights". The line is decided once (rowsSummary: a
// Tables message and its values) and worded by the messages in every language, as the data
// table renders it.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import { pageWindow, rowsSummary } from "@/lib/format/paging";
import { countOf, plural } from "@/lib/format/plural";

const flights = { one: "flight", other: "flights" };
const vuelos = { one: "vuelo", other: "vuelos" };
const tEn = createTranslator({ locale: "en", messages: en, namespace: "Tables" });
const tEs = createTranslator({ locale: "es", messages: es, namespace: "Tables" });
/** The status line as the data table shows it. */
const line = (page: number, size: number, total: number, noun = flights) => {
  const s = rowsSummary(page, size, total, noun);
  return tEn(s.key, s.values);
};
const linea = (page: number, size: number, total: number) => {
  const s = rowsSummary(page, size, total, vuelos, "es");
  return tEs(s.key, s.values);
};

describe("paging", () => {
  it("describes a page inside the range", () => {
    expect(rowsSummary(2, 25, 2993, flights)).toEqual({
      key: "showing",
      values: { first: "26", last: "50", total: "2,993", noun: "flights" },
    });
    expect(line(2, 25, 2993)).toBe("Showing 26–50 of 2,993 flights");
    expect(line(120, 25, 2993)).toBe("Showing 2,976–2,993 of 2,993 flights");
    expect(line(1, 25, 1)).toBe("Showing 1–1 of 1 flight");
  });

  it("says there is no such page past the end, never a first row above the total", () => {
    expect(pageWindow(999, 25, 2993)).toEqual({ first: 0, last: 0, pageCount: 120, beyond: true });
    expect(rowsSummary(999, 25, 2993, flights)).toMatchObject({ key: "beyond", values: { pages: 120 } });
    expect(line(999, 25, 2993)).toBe("There is no page 999: 2,993 flights match, on 120 pages.");
    expect(line(2, 25, 3)).toBe("There is no page 2: 3 flights match, on 1 page.");
    expect(line(5, 25, 0)).toBe("No flights match these filters.");
  });

  it("words the same decisions in Spanish, numbers in the locale", () => {
    expect(linea(2, 25, 2993)).toBe("Se muestran 26–50 de 2,993 vuelos");
    expect(linea(1, 25, 1)).toMatch(/ 1 vuelo$/);
    expect(linea(999, 25, 2993)).toContain("999");
    expect(linea(999, 25, 2993)).toContain("120 páginas");
    expect(linea(2, 25, 3)).toContain("1 página");
    expect(rowsSummary(5, 25, 0, vuelos, "es")).toEqual({ key: "noneMatch", values: { noun: "vuelos" } });
  });

  it("plurals come from one helper", () => {
    expect(countOf(1, "finding", "findings")).toBe("1 finding");
    expect(countOf(0, "finding", "findings")).toBe("0 findings");
    expect(countOf(12000, "finding", "findings")).toBe("12,000 findings");
    expect(plural(1, "match", "match")).toBe("match");
  });
});
