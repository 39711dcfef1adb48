// Issue 25 item 12: every setting in the rules table has a plain-English name and a description.
import { describe, expect, it } from "vitest";
import { ruleRows } from "../../lib/opendata/methodology";
import { rules } from "../../lib/publish/rules";

describe("methodology rules table", () => {
  it("names and describes every setting of the rules module", () => {
    const rows = ruleRows(rules);
    expect(rows.filter((r) => r.meaning === "(no description yet)").map((r) => r.setting)).toEqual([]);
    expect(rows.filter((r) => r.name === r.setting).map((r) => r.setting)).toEqual([]);
    expect(rows.find((r) => r.setting === "pathSensitiveExclusion.hours")).toMatchObject({
      name: "Time around a sensitive call that paths avoid its scene",
      value: `${rules.pathSensitiveExclusion.hours} hours`,
    });
  });
});
