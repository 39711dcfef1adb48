// Puts the scorecard together per program from plain inputs (published values, staff targets,
// budget, counts), so the whole thing is testable without a page or a database.
import { metricCatalog, metricDef, scorecardPrograms, type Direction, type ScorecardProgramKey } from "./metrics";
import { evaluateMetric, summarizeCosts, type BudgetLine, type CostSummary, type MetricResult, type SeriesPoint } from "./scorecard";
import { programSummary } from "./summary";

export type Count = { value: number | null; suppressed: boolean };
export type ScorecardInputs = {
  values: Record<string, { value: number | null; baseline: number | null; series: SeriesPoint[] } | undefined>;
  targets: Array<{ metricKey: string; label: string; target: number; unit: string; direction: Direction }>;
  budget: Array<BudgetLine & { programSlug: string | null }>;
  feedback: Array<{ programSlug: string | null; kind: string; status: string; n: number }>;
  findings: Array<{ findingType: string; status: string; count: number | null; suppressed: boolean }>;
  sharing: Array<{ agency: string; program: string; direction: string; dataShared: string; endedOn: string | null }>;
};

export type ProgramCard = {
  key: ScorecardProgramKey;
  label: string;
  metrics: MetricResult[];
  costs: CostSummary;
  budget: ScorecardInputs["budget"];
  findings: Array<{ type: string; label: string; open: Count; closed: Count; shared: boolean }>;
  complaints: { total: number; open: number; resolved: number; dismissed: number };
  sharing: ScorecardInputs["sharing"];
  summary: string;
};

/** Which program a review finding type belongs to; some rules apply to cameras and plate readers alike. */
export const findingTypes: Record<string, { label: string; programs: ScorecardProgramKey[] }> = {
  flight_no_call: { label: "Flight with no linked call", programs: ["drones"] },
  flight_detour: { label: "Flight much longer than the trip to the call", programs: ["drones"] },
  flight_long: { label: "Unusually long flight", programs: ["drones"] },
  camera_burst: { label: "Many cameras viewed in a few minutes", programs: ["cameras"] },
  sensitive_site: { label: "Camera near a sensitive site", programs: ["cameras"] },
  no_case_number: { label: "No case number", programs: ["cameras", "plate_readers"] },
  export_no_case: { label: "Export or share without a case number", programs: ["cameras", "plate_readers"] },
  outside_hours: { label: "Access outside normal hours", programs: ["cameras", "plate_readers"] },
  unusual_hours: { label: "Use at an hour the user rarely works", programs: ["cameras", "plate_readers"] },
  vague_reason: { label: "Vague or boilerplate reason", programs: ["cameras", "plate_readers"] },
  watch_list: { label: "Reason names immigration or protected activity", programs: ["cameras", "plate_readers"] },
  volume_spike: { label: "Far above the user's usual volume", programs: ["cameras", "plate_readers"] },
  wide_search: { label: "Plate search across many networks or out of state", programs: ["plate_readers"] },
  shared_plate: { label: "Same plate searched by several users", programs: ["plate_readers"] },
};

const OPEN = new Set(["new", "triaged", "in_progress"]);

export function buildScorecard(inp: ScorecardInputs): ProgramCard[] {
  const keys = [...metricCatalog.map((m) => m.key), ...inp.targets.map((t) => t.metricKey).filter((k) => !metricCatalog.some((m) => m.key === k))];
  const metrics = keys.map((key) => {
    const t = inp.targets.find((x) => x.metricKey === key);
    const def = metricDef(key, t ? { label: t.label, unit: t.unit, direction: t.direction } : undefined);
    const v = inp.values[key];
    return evaluateMetric({ ...def, value: v?.value ?? null, baseline: v?.baseline ?? null, series: v?.series ?? [], target: t?.target ?? null });
  });
  const count = (type: string, status: string): Count => {
    const r = inp.findings.find((f) => f.findingType === type && f.status === status);
    // No row means none; a suppressed row keeps its null (shown as "fewer than 11").
    return r ? { value: r.count, suppressed: r.suppressed } : { value: 0, suppressed: false };
  };
  return scorecardPrograms.map((p) => {
    const slugs: readonly string[] = p.slugs;
    const budget = inp.budget.filter((b) => b.programSlug !== null && slugs.includes(b.programSlug));
    const costs = summarizeCosts(budget);
    const mine = metrics.filter((m) => m.program === p.key);
    const complaints = inp.feedback.filter((f) => f.kind === "complaint" && f.programSlug !== null && slugs.includes(f.programSlug));
    const sum = (pred: (s: string) => boolean) => complaints.filter((c) => pred(c.status)).reduce((s, c) => s + Number(c.n), 0);
    const types = [...new Set(inp.findings.map((f) => f.findingType))].filter((t) => t !== "*" && (findingTypes[t]?.programs ?? []).includes(p.key)).sort();
    return {
      key: p.key,
      label: p.label,
      metrics: mine,
      costs,
      budget,
      findings: types.map((t) => ({ type: t, label: findingTypes[t]?.label ?? t, open: count(t, "open"), closed: count(t, "closed"), shared: (findingTypes[t]?.programs.length ?? 1) > 1 })),
      complaints: { total: sum(() => true), open: sum((s) => OPEN.has(s)), resolved: sum((s) => s === "resolved"), dismissed: sum((s) => s === "dismissed") },
      sharing: p.key === "plate_readers" ? inp.sharing.filter((s) => s.program === "plate_readers" || s.program === "alpr") : p.key === "cameras" ? inp.sharing.filter((s) => s.program === "cameras" || s.program === "fixed_cameras" || s.program === "watch_center") : [],
      summary: programSummary(mine, costs),
    };
  });
}
