// Issue 21 item 3: a policy comparison reads as text (no Markdown symbols) with the changed words
// marked, and a version adopted for a later date is scheduled while the one in force stays current.
import { describe, expect, it } from "vitest";
import { foldUnchanged, renderedDiff, toBlocks } from "@/lib/content/rendered-diff";
import { versionsOnDay } from "@/lib/content/policy-versions";

const V1 = `# Drone use policy

## Retention

Video is kept for **30 days** unless it is [evidence](/policies/evidence).

- Flights only to calls for service
- No facial recognition

## Reporting

Monthly reports to council.
`;
const V2 = `# Drone use policy

## Retention

Video is kept for **14 days** unless it is [evidence](/policies/evidence).

- Flights only to calls for service
- No facial recognition
- No flights over schools during school hours

## Reporting

Monthly reports to council.
`;

describe("rendered policy diff", () => {
  it("turns Markdown into plain reading blocks", () => {
    const blocks = toBlocks(V1);
    expect(blocks[0]).toEqual({ kind: "heading", level: 1, text: "Drone use policy" });
    expect(blocks.find((b) => b.kind === "paragraph")?.text).toBe("Video is kept for 30 days unless it is evidence.");
    expect(blocks.filter((b) => b.kind === "bullet").map((b) => b.text)).toEqual([
      "Flights only to calls for service",
      "No facial recognition",
    ]);
    for (const b of blocks) expect(b.text).not.toMatch(/\*\*|\]\(|^#|^- /);
  });

  it("marks the changed words inside a changed paragraph and a new list item as inserted", () => {
    const d = renderedDiff(V1, V2);
    expect(d).toMatchObject({ changed: 1, inserted: 1, deleted: 0 });
    const changed = d.blocks.find((b) => b.change === "changed")!;
    expect(changed.parts.filter((p) => p.change === "deleted").map((p) => p.text.trim())).toEqual(["30"]);
    expect(changed.parts.filter((p) => p.change === "inserted").map((p) => p.text.trim())).toEqual(["14"]);
    expect(changed.parts.map((p) => (p.change === "deleted" ? "" : p.text)).join("")).toBe(
      "Video is kept for 14 days unless it is evidence.",
    );
    const added = d.blocks.find((b) => b.change === "inserted")!;
    expect(added).toMatchObject({ kind: "bullet", text: "No flights over schools during school hours" });
  });

  it("same text gives no changes, and unchanged stretches fold", () => {
    expect(renderedDiff(V1, V1)).toMatchObject({ changed: 0, inserted: 0, deleted: 0 });
    const folded = foldUnchanged(renderedDiff(V1, V2).blocks, 0);
    expect(folded.some((b) => b.change === "skip")).toBe(true);
    expect(folded.filter((b) => b.change !== "skip" && b.change !== "same")).toHaveLength(2);
  });
});

describe("which policy version is in force", () => {
  const history = [
    { version: "1.2", effectiveDate: "2027-01-01" },
    { version: "1.1", effectiveDate: "2026-06-01" },
    { version: "1.0", effectiveDate: "2025-10-01" },
  ];
  it("a future version is scheduled and the one before it stays current until then", () => {
    const r = versionsOnDay(history, "2026-12-02");
    expect(r.current.version).toBe("1.1");
    expect(r.scheduled.map((v) => v.version)).toEqual(["1.2"]);
  });
  it("on its effective date the new version is current", () => {
    const r = versionsOnDay(history, "2027-01-01");
    expect(r.current.version).toBe("1.2");
    expect(r.scheduled).toEqual([]);
  });
});
