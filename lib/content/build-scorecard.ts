// Puts the scorecard together per program from plain inputs (published values, staff targets,
// budget, counts), so the whole thing is testable without a page or a database.
import { metricCatalog, metricDef, scorecardPrograms, type Direction, type ScorecardProgramKey } from "./metrics";
import { evaluateMetric, summarizeCosts, type BudgetLine, type CostSummary, type MetricResult, type SeriesPoint } from "./scorecard";
import { programSummary } from "./summary";
import { FINDING_OUTCOMES } from "../vocab";

export type Count = { value: number | null; suppressed: boolean };
export type ScorecardInputs = {
  values: Record<string, { value: number | null; baseline: number | null; series: SeriesPoint[] } | undefined>;
  targets: Array<{ metricKey: string; label: string; target: number; unit: string; direction: Direction }>;
  budget: Array<BudgetLine & { programSlug: string | null }>;
  feedback: Array<{ programSlug: string | null; kind: string; status: string; n: number }>;
  /** Closed findings as published (pub_findings): outcome, its label, and the program slugs of the records covered. */
  findings: Array<{ outcome: string; label: string; programs: string[] }>;
  sharing: Array<{ agency: string; program: string; direction: string; dataShared: string; endedOn: string | null }>;
};

export type ProgramCard = {
  key: ScorecardProgramKey;
  label: string;
  metrics: MetricResult[];
  costs: CostSummary;
  budget: ScorecardInputs["budget"];
  /** Closed findings covering this program's records, by outcome (in the outcome list's order). */
  findings: Array<{ outcome: string; label: string; closed: number }>;
  complaints: { total: number; open: number; resolved: number; dismissed: number };
  sharing: ScorecardInputs["sharing"];
  summary: string;
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
  const outcomeOrder = (o: string) => {
    const i = (FINDING_OUTCOMES as readonly string[]).indexOf(o);
    return i < 0 ? FINDING_OUTCOMES.length : i;
  };
  /** Closed findings that cover records of these program slugs, by outcome. */
  const closedByOutcome = (slugs: readonly string[]) => {
    const n = new Map<string, { label: string; closed: number }>();
    for (const f of inp.findings)
      if (f.programs.some((p) => slugs.includes(p)))
        n.set(f.outcome, { label: f.label, closed: (n.get(f.outcome)?.closed ?? 0) + 1 });
    return [...n]
      .sort((a, b) => outcomeOrder(a[0]) - outcomeOrder(b[0]) || a[0].localeCompare(b[0]))
      .map(([outcome, v]) => ({ outcome, ...v }));
  };
  return scorecardPrograms.map((p) => {
    const slugs: readonly string[] = p.slugs;
    const budget = inp.budget.filter((b) => b.programSlug !== null && slugs.includes(b.programSlug));
    const costs = summarizeCosts(budget);
    const mine = metrics.filter((m) => m.program === p.key);
    const complaints = inp.feedback.filter((f) => f.kind === "complaint" && f.programSlug !== null && slugs.includes(f.programSlug));
    const sum = (pred: (s: string) => boolean) => complaints.filter((c) => pred(c.status)).reduce((s, c) => s + Number(c.n), 0);
    return {
      key: p.key,
      label: p.label,
      metrics: mine,
      costs,
      budget,
      findings: closedByOutcome(slugs),
      complaints: { total: sum(() => true), open: sum((s) => OPEN.has(s)), resolved: sum((s) => s === "resolved"), dismissed: sum((s) => s === "dismissed") },
      sharing: p.key === "plate_readers" ? inp.sharing.filter((s) => s.program === "plate_readers" || s.program === "alpr") : p.key === "cameras" ? inp.sharing.filter((s) => s.program === "cameras" || s.program === "fixed_cameras" || s.program === "watch_center") : [],
      summary: programSummary(mine, costs),
    };
  });
}
