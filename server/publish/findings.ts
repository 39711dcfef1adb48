import "server-only";
// Published review findings: how many are open and closed, by type. Numbers only: no record
// ids, notes or outcomes' free text. Suppressed with its row, column and grand totals.
import { sql } from "drizzle-orm";
import { pubFindingCounts } from "../../db/schema";
import { queryRows } from "../../db/sql";
import { recordDataset } from "./dataset";
import { suppressTable } from "../../lib/publish/rules/suppression";
import type { Publisher } from "./types";

const STATUSES = ["open", "closed"] as const;

export const findingsPublisher: Publisher = {
  name: "findings",
  async run(ctx) {
    const data = await queryRows<{ finding_type: string; status: string; n: number }>(
      ctx.tx,
      sql`select finding_type, status::text as status, count(*)::int as n from findings group by 1, 2 order by 1, 2`,
    );
    const types = [...new Set(data.map((d) => d.finding_type))].sort();
    const idx = new Map(data.map((d) => [`${d.finding_type}|${d.status}`, d.n]));
    const t = suppressTable(
      types.map((ty) => STATUSES.map((s) => idx.get(`${ty}|${s}`) ?? 0)),
      undefined,
      STATUSES.length,
    );
    const rows: (typeof pubFindingCounts.$inferInsert)[] = [];
    types.forEach((ty, i) => {
      STATUSES.forEach((s, j) =>
        rows.push({ findingType: ty, status: s, count: t.cells[i][j].value, suppressed: t.cells[i][j].suppressed }),
      );
      rows.push({ findingType: ty, status: "*", count: t.rowTotals[i].value, suppressed: t.rowTotals[i].suppressed });
    });
    STATUSES.forEach((s, j) =>
      rows.push({ findingType: "*", status: s, count: t.colTotals[j].value, suppressed: t.colTotals[j].suppressed }),
    );
    rows.push({ findingType: "*", status: "*", count: t.total.value, suppressed: t.total.suppressed });
    // eslint-disable-next-line drizzle/enforce-delete-with-where -- a publication replaces the whole table, inside its transaction
    await ctx.tx.delete(pubFindingCounts);
    await ctx.tx.insert(pubFindingCounts).values(rows);
    await recordDataset(ctx, "findings", 0, rows.length);
    const source = data.reduce((a, d) => a + d.n, 0);
    return {
      sourceCounts: { findings: source },
      publishedCounts: { pub_finding_counts: rows.length },
      cellsSuppressed: t.suppressedCount,
    };
  },
};
