// The plain-language summary printed above each program's numbers, generated from the numbers
// themselves so it can never disagree with the table.
import { formatMoney } from "../format/numbers";
import type { MetricResult } from "./scorecard";
import { formatValue } from "./scorecard";
import type { CostSummary } from "./scorecard";

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Drones reached the scene in a median of 1 min 52 s, against a target of 2 min and 4 min 30 s by patrol before the pilot." */
export function metricSentence(m: MetricResult): string {
  if (m.value === null) return `${m.label}: not published for this period (too few events, or not yet published).`;
  const value = formatValue(m.value, m.unit);
  let s = m.trail ? `${capitalize(value)} ${m.trail}` : `${m.lead} ${value}`.trim();
  const comparisons: string[] = [];
  if (m.target !== null) comparisons.push(`a target of ${formatValue(m.target, m.unit)}`);
  if (m.baseline !== null) comparisons.push(`${formatValue(m.baseline, m.unit)} ${m.baselineLabel ?? "before the pilot"}`);
  if (comparisons.length) s += `, against ${comparisons.join(" and ")}`;
  s += ".";
  if (m.met === true) s += " The target was met.";
  if (m.met === false) s += " The target was not met.";
  if (m.target === null) s += " No target has been set.";
  return s;
}

export function costSentence(c: CostSummary): string {
  if (c.approvedCents === 0 && c.spentCents === 0) return "No budget items are recorded for this program.";
  let s = `${formatMoney(c.spentCents)} spent to date against ${formatMoney(c.approvedCents)} approved`;
  if (c.approvedForSpentCents > 0) {
    const v = c.varianceCents;
    s += v === 0 ? "; purchases so far match their approved amounts" : v > 0 ? `; purchases so far came in ${formatMoney(v)} over their approved amounts` : `; purchases so far came in ${formatMoney(-v)} under their approved amounts`;
  }
  s += ".";
  for (const o of c.overBudget) {
    const over = formatMoney(o.overCents);
    const note = o.note?.trim().replace(/\.$/, "");
    // A note that already states the overrun is used as written, so the amount is not said twice.
    if (note && note.includes(over)) s += ` ${o.name}: ${note.charAt(0).toLowerCase()}${note.slice(1)}.`;
    else s += ` ${o.name} came in ${over} over its approved amount${note ? ` (${note})` : ""}.`;
  }
  return s;
}

/** The whole program paragraph: each metric's sentence, then costs. */
export function programSummary(metrics: MetricResult[], costs?: CostSummary): string {
  const parts = metrics.map(metricSentence);
  if (costs) parts.push(costSentence(costs));
  return parts.join(" ");
}
