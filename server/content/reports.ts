import "server-only";
// The annual surveillance report's staff content: a section's narrative, and a public-records
// request counted in the report. Each write and its audit entry share the caller's transaction.
import * as reports from "@/db/queries/staff/reports";
import { AppError } from "@/lib/errors";
import type { ProgramSlug, RecordsRequestOutcome, ReportSection } from "@/lib/vocab";
import { auditPublicChange, type ContentContext } from "./context";

const NO_PROGRAM = "That technology is not set up in this city.";

/** Writes a section's text, or removes it when `body` is empty. */
export async function saveReportNarrative(
  ctx: ContentContext,
  d: { program: ProgramSlug; year: number; section: ReportSection; body: string },
): Promise<void> {
  const r = await reports.saveNarrative(ctx.tx, { ...d, userId: ctx.user.id });
  if (!r) throw new AppError("bad_request", NO_PROGRAM);
  await auditPublicChange(ctx, "staff-report-narrative", {
    action: d.body ? "content.report_narrative.set" : "content.report_narrative.remove",
    targetType: "annual_report",
    targetId: `${d.program}/${d.year}/${d.section}`,
    details: { length: d.body.length },
  });
}

/** The request is counted in the published annual report, so only the staff list changes now. */
export async function addRecordsRequest(
  ctx: ContentContext,
  d: { program: ProgramSlug; receivedOn: string; closedOn: string | null; outcome: RecordsRequestOutcome },
): Promise<{ id: number }> {
  const r = await reports.addRecordsRequest(ctx.tx, { ...d, userId: ctx.user.id });
  if (!r) throw new AppError("bad_request", NO_PROGRAM);
  await ctx.audit({
    action: "content.records_request.add",
    targetType: "records_request",
    targetId: String(r.id),
    details: { program: d.program, outcome: d.outcome },
  });
  return r;
}
