import { describe, expect, it } from "vitest";
import { ruleRows } from "../../lib/opendata/methodology";
import { plainRules } from "../../lib/opendata/methodology-plain";
import { rules } from "../../lib/publish/rules";

describe("the methodology page's plain-words rules", () => {
  it("state both rules with the values in force", () => {
    const text = plainRules(rules)
      .map((p) => `${p.title} ${p.paragraphs.join(" ")}`)
      .join("\n");
    expect(text).toContain(`radius plus ${rules.sensitiveSiteBufferM} m`);
    expect(text).toContain("cameras at sensitive sites");
    expect(text).toContain(`"${rules.protectedCategory.label}"`);
    expect(text).toContain(`fewer than ${rules.minCount}`);
    expect(text).toContain("not broken down");
  });

  it("follow the rules module, not text typed into the page", () => {
    const other = { ...rules, minCount: 20, sensitiveSiteBufferM: 75 } as unknown as typeof rules;
    const text = plainRules(other)
      .flatMap((p) => p.paragraphs)
      .join(" ");
    expect(text).toContain("radius plus 75 m");
    expect(text).toContain("fewer than 20");
  });

  it("every new setting has a description in the rules table", () => {
    const rows = ruleRows(rules);
    for (const s of ["sensitiveSiteBufferM", "protectedCategory.code", "protectedCategory.label"])
      expect(rows.find((r) => r.setting === s)?.meaning).not.toBe("(no description yet)");
    expect(rows.find((r) => r.setting === "sensitiveSiteBufferM")?.value).toBe(`${rules.sensitiveSiteBufferM} m`);
  });
});
