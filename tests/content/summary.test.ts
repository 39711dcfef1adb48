import { describe, expect, it } from "vitest";
import { metricCatalog } from "@/lib/content/metrics";
import { evaluateMetric, summarizeCosts } from "@/lib/content/scorecard";
import { costSentence, metricSentence, programSummary } from "@/lib/content/summary";

const def = (key: string) => metricCatalog.find((m) => m.key === key)!;

describe("generated summary text", () => {
  it("says the drone time to scene the way the council reads it", () => {
    const r = evaluateMetric({ ...def("drone_median_time_to_scene_sec"), value: 112, target: 120, baseline: 270, series: [] });
    expect(metricSentence(r)).toBe(
      "Drones reached the scene in a median of 1 min 52 s, against a target of 2 min and 4 min 30 s by patrol before the pilot. The target was met.",
    );
  });

  it("starts share sentences with the number and says a missed target", () => {
    const r = evaluateMetric({ ...def("camera_share_with_case"), value: 0.88, target: 0.95, baseline: null, series: [] });
    expect(metricSentence(r)).toBe("88% of camera accesses were linked to a case number, against a target of 95%. The target was not met.");
  });

  it("minutes metrics and no target", () => {
    const r = evaluateMetric({ ...def("cso_median_response_min"), value: 9.5, target: null, baseline: 14, series: [] });
    expect(metricSentence(r)).toBe(
      "Community Safety Officers arrived in a median of 9 min 30 s, against 14 min by patrol before the pilot. No target has been set.",
    );
  });

  it("says plainly when a number is not published", () => {
    const r = evaluateMetric({ ...def("alpr_share_with_case"), value: null, target: 0.95, baseline: null, series: [] });
    expect(metricSentence(r)).toMatch(/not published for this period/);
  });

  it("a note that already gives the overrun is used as written", () => {
    const c = summarizeCosts([
      { name: "Utility vehicle for CSO program", approvedAmountCents: 6_200_000, actualCostCents: 6_718_500, status: "purchased", note: "Came in $5,185 over the approved amount; the difference was covered by the department's existing budget." },
    ]);
    expect(costSentence(c)).toMatch(/ Utility vehicle for CSO program: came in \$5,185 over the approved amount; the difference was covered by the department's existing budget\.$/);
  });

  it("costs sentence names the over-budget item and how it was covered", () => {
    const c = summarizeCosts([
      { name: "Utility vehicle for CSO program", approvedAmountCents: 6_200_000, actualCostCents: 6_718_500, status: "purchased", note: "Covered by the department's existing budget." },
    ]);
    expect(costSentence(c)).toBe(
      "$67,185 spent to date against $62,000 approved; purchases so far came in $5,185 over their approved amounts. Utility vehicle for CSO program came in $5,185 over its approved amount (Covered by the department's existing budget).",
    );
    expect(costSentence(summarizeCosts([]))).toBe("No budget items are recorded for this program.");
  });

  it("program summary joins metric and cost sentences in order", () => {
    const a = evaluateMetric({ ...def("cso_share_no_sworn"), value: 0.92, target: 0.9, baseline: null, series: [] });
    const s = programSummary([a], summarizeCosts([]));
    expect(s).toBe("92% of CSO calls were handled without a sworn deputy, against a target of 90%. The target was met. No budget items are recorded for this program.");
  });
});
