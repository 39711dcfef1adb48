import { describe, expect, it } from "vitest";
import { policyDiff, withContext } from "@/lib/content/diff";
import { parseTarget, programForTarget, feedbackFormSchema } from "@/lib/content/feedback";
import { rankAreas } from "@/lib/content/prioritization";

describe("rollout prioritization", () => {
  const areas = [
    { slug: "a", name: "Alpha", values: { crime: 40, cams: 10 } },
    { slug: "b", name: "Bravo", values: { crime: 20, cams: 0 } },
    { slug: "c", name: "Charlie", values: { crime: 30, cams: null } },
  ];
  it("scores by weight share and min-max scaling, with contributions that add up", () => {
    const ranked = rankAreas(areas, [
      { factor: "crime", label: "Crime", weight: 3, direction: "higher_is_better" },
      { factor: "cams", label: "Existing cameras", weight: 1, direction: "lower_is_better" },
    ]);
    expect(ranked.map((r) => r.slug)).toEqual(["a", "c", "b"]);
    const alpha = ranked[0];
    expect(alpha.contributions[0].points).toBeCloseTo(75, 6);
    expect(alpha.contributions[1].points).toBeCloseTo(0, 6);
    expect(ranked[2].score).toBeCloseTo(25, 6); // Bravo: no crime points, all camera points
    expect(ranked[1].score).toBeCloseTo(37.5, 6); // Charlie: half crime, missing cameras scores 0
    for (const r of ranked) expect(r.score).toBeCloseTo(r.contributions.reduce((s, c) => s + c.points, 0), 9);
  });
  it("moving a weight changes the order", () => {
    const ranked = rankAreas(areas, [
      { factor: "crime", label: "Crime", weight: 1, direction: "higher_is_better" },
      { factor: "cams", label: "Existing cameras", weight: 5, direction: "lower_is_better" },
    ]);
    expect(ranked[0].slug).toBe("b");
    expect(ranked.every((r, i) => r.rank === i + 1)).toBe(true);
  });
  it("all weights zero gives all zero scores", () => {
    const ranked = rankAreas(areas, [{ factor: "crime", label: "Crime", weight: 0, direction: "higher_is_better" }]);
    expect(ranked.every((r) => r.score === 0)).toBe(true);
  });
});

describe("policy diff", () => {
  it("marks the changed words inside a changed line", () => {
    const d = policyDiff("# Retention\n\nFootage is kept 30 days.\nSame line.\n", "# Retention\n\nFootage is kept 14 days.\nSame line.\nNew rule.\n");
    expect(d.added).toBe(2);
    expect(d.removed).toBe(1);
    const removed = d.lines.find((l) => l.kind === "removed");
    expect(removed && "parts" in removed && removed.parts?.find((p) => p.kind === "removed")?.text).toBe("30");
    const added = d.lines.find((l) => l.kind === "added");
    expect(added && "parts" in added && added.parts?.find((p) => p.kind === "added")?.text).toBe("14");
    expect(d.lines.at(-1)).toEqual({ kind: "added", text: "New rule." });
  });
  it("folds long unchanged stretches", () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n");
    const b = a.replace("line 10", "line ten");
    const folded = withContext(policyDiff(a, b).lines, 1);
    expect(folded[0]).toEqual({ kind: "skip", count: 9 });
    expect(folded.at(-1)).toEqual({ kind: "skip", count: 8 });
  });
});

describe("feedback input", () => {
  it("parses permalink targets and rejects anything else", () => {
    expect(parseTarget("flight:f-7a3b9c")).toEqual({ type: "flight", ref: "f-7a3b9c" });
    expect(parseTarget("flight:<script>")).toEqual({ type: "general", ref: null });
    expect(parseTarget(undefined)).toEqual({ type: "general", ref: null });
    expect(programForTarget(parseTarget("flight:x1"))).toBe("drones");
    expect(programForTarget(parseTarget("program:cso"))).toBe("cso");
  });
  it("validates the form with clear messages, contact optional", () => {
    const ok = feedbackFormSchema.safeParse({ kind: "complaint", program: "drones", body: "The drone hovered over my yard for ten minutes.", contactEmail: "" });
    expect(ok.success && ok.data.contactEmail).toBeNull();
    const bad = feedbackFormSchema.safeParse({ kind: "complaint", program: "nope", body: "short", contactEmail: "not-an-email" });
    expect(bad.success).toBe(false);
    const msgs = bad.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(msgs).toContain("program: Choose the program this is about");
    expect(msgs).toContain("body: Please write at least 10 characters");
    expect(msgs).toContain("contactEmail: Enter a valid email address, or leave it empty");
  });
});
