// The plain-data taxonomy (lib/ingest/taxonomy.ts, behind the published plate-reader purposes) and
// the one setup installs (server/seed/categories.ts) must not drift apart.
import { describe, expect, it } from "vitest";
import { STANDARD_CATEGORIES } from "../../lib/ingest/taxonomy";
import { CATEGORIES } from "../../server/seed/categories";
import { ALPR_REASONS, ALPR_REASON_LABELS } from "../../lib/cameras/vocab";

describe("standard call-category taxonomy", () => {
  it("is the same codes, labels, groupings and sensitive flags as setup installs", () => {
    const strip = (c: { code: string; label: string; grouping: string; sensitive?: boolean }) => ({
      code: c.code,
      label: c.label,
      grouping: c.grouping,
      sensitive: !!c.sensitive,
    });
    expect(STANDARD_CATEGORIES.map(strip)).toEqual(CATEGORIES.map(strip));
  });

  it("publishes plate-reader purposes as non-sensitive categories, sensitive ones only as protected", () => {
    expect(ALPR_REASONS).toContain("unclassified");
    expect(ALPR_REASONS).toContain("protected");
    expect(ALPR_REASONS).not.toContain("domestic_violence");
    for (const r of ALPR_REASONS) expect(ALPR_REASON_LABELS[r]).toBeTruthy();
  });
});
