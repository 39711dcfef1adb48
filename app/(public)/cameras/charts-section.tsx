// Charts of camera use, each with its table: accesses per week by operation and by reason, the
// weekly share with no case number, top users by pseudonym and accesses by agency.
import { ChartFigure } from "@/components/charts/chart-figure";
import type { Breakdown as PubBreakdown } from "@/db/queries/public/rollups";
import { seriesRows, tableRows, weeklyShareRows } from "@/lib/rollups";

export function CameraCharts(p: {
  weekOp: PubBreakdown[];
  weekReason: PubBreakdown[];
  weekCase: PubBreakdown[];
  topUsers: PubBreakdown[];
  agencies: PubBreakdown[];
}) {
  const op = tableRows(p.weekOp, { dateKeys: true });
  const reason = tableRows(p.weekReason, { dateKeys: true });
  const share = weeklyShareRows(p.weekCase, "Accesses with no case number (%)");
  const top = seriesRows(p.topUsers, "Accesses");
  const ag = seriesRows(p.agencies, "Accesses");
  return (
    <>
      <ChartFigure
        kind="bar"
        stacked
        title="Accesses per week, by operation"
        description="Since the pilot began. Each bar is one week (Monday to Sunday)."
        rowHeader="Week starting"
        rows={op.rows}
        series={op.series}
        yLabel="Accesses"
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        stacked
        title="Accesses per week, by reason given"
        description="The reason category the user picked; free-text reasons are never published."
        rowHeader="Week starting"
        rows={reason.rows}
        series={reason.series}
        yLabel="Accesses"
        tableCollapsed
      />
      <ChartFigure
        kind="line"
        valueFormat="percent"
        title="Share of accesses with no case number, per week"
        description="Weeks where the count could reveal a number below 11 are left out."
        rowHeader="Week starting"
        rows={share.rows}
        series={share.series}
        yLabel="Percent"
        tableCollapsed
      />
      <ChartFigure
        kind="bar"
        title="Top users in the last 30 days, by pseudonym"
        description="Each user is a stable pseudonym (a keyed hash of their account), shown with role and agency. Council staff see names in the review area."
        rowHeader="User"
        rows={top.rows}
        series={top.series}
        height={320}
      />
      <ChartFigure
        kind="bar"
        title="Accesses by agency in the last 30 days"
        rowHeader="Agency"
        rows={ag.rows}
        series={ag.series}
      />
    </>
  );
}
