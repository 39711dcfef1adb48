import "server-only";
// Annual surveillance reports as the public sees them: the published figures (pub_annual_reports),
// the staff-written narrative of each section (public as written), and effectiveness for the same
// year from the scorecard's published daily counts against the targets staff set.
import { and, asc, desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { annualReportNarratives, pubAnnualReports } from "@/db/schema";
import { programs } from "@/db/schema/reference";
import { metricDef, scorecardPrograms } from "@/lib/content/metrics";
import { evaluateMetric, type MetricResult } from "@/lib/content/scorecard";
import { demographicRates, type AnnualReportData, type DemographicRate } from "@/lib/reports/annual";
import type { ReportSection } from "@/lib/vocab";
import { listTargetsPublic, metricValues } from "./council";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

export type Demographics = {
  source: string;
  groups: Record<string, string>;
  areas: Record<string, Record<string, number>>;
};

export type AnnualReport = {
  data: AnnualReportData;
  cutoff: Date;
  narratives: Partial<Record<ReportSection, { body: string; updatedAt: Date }>>;
  effectiveness: MetricResult[];
  demographics: {
    source: string;
    rates: (DemographicRate & { label: string })[];
    areasLeftOut: number;
  } | null;
};

/** Every published report: program and year, newest year first. */
export async function listAnnualReports(o: Opts = {}) {
  const db = await use(o);
  const rows = await db
    .select({ program: pubAnnualReports.program, year: pubAnnualReports.year, data: pubAnnualReports.data })
    .from(pubAnnualReports)
    .orderBy(desc(pubAnnualReports.year), asc(pubAnnualReports.program));
  return rows.map((r) => ({ program: r.program, year: r.year, programName: r.data.programName }));
}

/** One program's report for one year, or null when none is published. */
export async function getAnnualReport(
  o: Opts & { program: string; year: number; today: string; demographics?: Demographics },
): Promise<AnnualReport | null> {
  const db = await use(o);
  const [row] = await db
    .select()
    .from(pubAnnualReports)
    .where(and(eq(pubAnnualReports.program, o.program), eq(pubAnnualReports.year, o.year)));
  if (!row) return null;
  const notes = await db
    .select({
      section: annualReportNarratives.section,
      body: annualReportNarratives.body,
      updatedAt: annualReportNarratives.updatedAt,
    })
    .from(annualReportNarratives)
    .innerJoin(programs, eq(programs.id, annualReportNarratives.programId))
    .where(and(eq(programs.slug, o.program as "drones"), eq(annualReportNarratives.year, o.year)));
  const narratives: AnnualReport["narratives"] = {};
  for (const n of notes) narratives[n.section] = { body: n.body, updatedAt: n.updatedAt };

  // The scorecard groups the two camera programs; a target belongs to this report when its
  // scorecard program includes this program.
  const group = scorecardPrograms.find((p) => (p.slugs as readonly string[]).includes(o.program))?.key;
  const to = row.periodEnd < o.today ? row.periodEnd : o.today;
  const [targets, values] = await Promise.all([
    listTargetsPublic({ db }),
    row.periodStart <= to ? metricValues({ db, from: row.periodStart, to }) : Promise.resolve({}),
  ]);
  const effectiveness = targets
    .map((t) => ({ t, def: metricDef(t.metricKey, t) }))
    .filter(({ def }) => def.program === group)
    .map(({ t, def }) => {
      const v = (values as Awaited<ReturnType<typeof metricValues>>)[t.metricKey];
      return evaluateMetric({
        ...def,
        value: v?.value ?? null,
        target: t.target,
        baseline: v?.baseline ?? null,
        series: [],
      });
    });

  let demographics: AnnualReport["demographics"] = null;
  if (o.demographics) {
    const d = o.demographics;
    const r = demographicRates(row.data.civilRights.byArea, d.areas);
    demographics = {
      source: d.source,
      areasLeftOut: r.areasLeftOut,
      rates: r.rates.map((x) => ({ ...x, label: d.groups[x.group] ?? x.group })),
    };
  }
  return { data: row.data, cutoff: row.cutoff, narratives, effectiveness, demographics };
}
