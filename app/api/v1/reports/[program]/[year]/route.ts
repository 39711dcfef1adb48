// /api/v1/reports/<program>/<year>: the annual surveillance report as JSON, the same figures and
// staff commentary the page shows. Unknown program or malformed year: 400; none published: 404.
import { getAnnualReport } from "@/db/queries/public/annual-reports";
import { city, localDate } from "@/lib/config/city";
import { REPORT_SECTION_TITLES } from "@/lib/reports/annual";
import { checkReportParams } from "@/lib/reports/params";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/server/route";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ program: string; year: string }> }) {
  const p = checkReportParams(await ctx.params);
  if ("error" in p) return errorResponse(new AppError("bad_request", p.error));
  const c = city();
  const report = await getAnnualReport({
    ...p,
    today: localDate(new Date(), c.timeZone),
    demographics: c.demographics,
  });
  if (!report) return errorResponse(new AppError("not_found", `No ${p.year} report is published for ${p.program}.`));
  return Response.json({
    city: c.name,
    sections: REPORT_SECTION_TITLES,
    dataAsOf: report.cutoff.toISOString(),
    ...report.data,
    narratives: report.narratives,
    effectiveness: report.effectiveness.map((m) => ({
      metric: m.key,
      label: m.label,
      unit: m.unit,
      direction: m.direction,
      value: m.value,
      target: m.target,
      met: m.met,
      baseline: m.baseline,
      change: m.change,
    })),
    demographics: report.demographics,
  });
}
