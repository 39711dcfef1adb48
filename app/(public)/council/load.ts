import "server-only";
// Everything the scorecard (screen and print) shows for a period, from db/queries/public only.
import { feedbackCounts, listBudgetItems } from "@/db/queries/public/content";
import { listTargetsPublic, metricValues, sharingAgreements } from "@/db/queries/public/council";
import { findingsSummary } from "@/db/queries/public/findings";
import { getLatestRun } from "@/db/queries/public/publication";
import { buildScorecard } from "@/lib/content/build-scorecard";
import { formatDate } from "@/lib/format/numbers";
import { parsePeriod } from "@/lib/content/scorecard";
import { localDate } from "@/lib/time";
import { city } from "@/lib/config/city";

export async function loadScorecard(query: { from?: string | string[]; to?: string | string[] }) {
  const c = city();
  const { period, error } = parsePeriod(query, { pilotStart: c.pilot.start, today: localDate(new Date(), c.timeZone) });
  const [values, targets, budget, feedback, findings, sharing, publication] = await Promise.all([
    metricValues(period),
    listTargetsPublic(),
    listBudgetItems(),
    feedbackCounts(),
    findingsSummary(),
    sharingAgreements(),
    getLatestRun(),
  ]);
  const cards = buildScorecard({
    values,
    targets,
    budget,
    feedback: feedback.map((f) => ({ ...f, n: Number(f.n) })),
    findings: findings.closedFindings,
    sharing,
  });
  const periodText = `${period.isDefault ? "Pilot to date: " : ""}${formatDate(period.from)} to ${formatDate(period.to)}`;
  return { period, error, cards, periodText, asOf: publication?.asOf ?? null, cityName: c.name };
}
