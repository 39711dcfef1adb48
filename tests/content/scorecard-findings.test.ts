// The scorecard's per-program findings tables: closed findings (as published in pub_findings)
// counted by outcome for each program whose records they cover, in the outcome list's order.
import { describe, expect, it } from "vitest";
import { buildScorecard } from "@/lib/content/build-scorecard";

const card = (findings: { outcome: string; label: string; programs: string[] }[], key: string) =>
  buildScorecard({ values: {}, targets: [], budget: [], feedback: [], findings, sharing: [] }).find(
    (c) => c.key === key,
  )!.findings;

describe("scorecard findings by program", () => {
  const findings = [
    { outcome: "data_quality", label: "Data-quality issue", programs: ["plate_readers"] },
    { outcome: "no_violation", label: "No violation", programs: ["drones", "watch_center"] },
    { outcome: "policy_violation_training", label: "Policy violation: training", programs: ["watch_center"] },
    { outcome: "no_violation", label: "No violation", programs: ["watch_center"] },
  ];
  it("counts closed findings by outcome, a finding covering two programs in both", () => {
    expect(card(findings, "cameras")).toEqual([
      { outcome: "no_violation", label: "No violation", closed: 2 },
      { outcome: "policy_violation_training", label: "Policy violation: training", closed: 1 },
    ]);
    expect(card(findings, "drones")).toEqual([{ outcome: "no_violation", label: "No violation", closed: 1 }]);
    expect(card(findings, "plate_readers")).toEqual([
      { outcome: "data_quality", label: "Data-quality issue", closed: 1 },
    ]);
  });
  it("has an empty table for a program no closed finding covers", () => {
    expect(card(findings, "cso")).toEqual([]);
    expect(card([], "cameras")).toEqual([]);
  });
});
