import "server-only";
// Budget items are staff content, public as written (no privacy transformation needed).
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { budgetItems } from "@/db/schema/content";
import { programs } from "@/db/schema/reference";
import type { budgetItemsFilters, budgetItemsRow } from "@/lib/opendata/datasets/budget-items";
import type { DatasetReader } from "@/lib/opendata/types";
import { afterKey, iso, orderBy, toBatch, type KeyPart } from "./opendata-keyset";

type F = z.infer<typeof budgetItemsFilters>;
type Row = z.infer<typeof budgetItemsRow>;
const key: KeyPart[] = [{ col: budgetItems.id, cast: "int" }];

function where(f: F): SQL | undefined {
  return and(
    f.program ? eq(programs.slug, f.program) : undefined,
    f.status ? eq(budgetItems.status, f.status) : undefined,
    f.fiscal_year ? eq(budgetItems.fiscalYear, f.fiscal_year) : undefined,
  );
}

const dollars = (cents: number | null) => (cents === null ? null : Math.round(cents) / 100);

export function budgetItemsReader(db: () => Promise<DbOrTx>): DatasetReader<F, Row> {
  return {
    async batch(f, after, limit) {
      const d = await db();
      return toBatch(
        (n) =>
          d
            .select({ b: budgetItems, program: programs.slug })
            .from(budgetItems)
            .leftJoin(programs, eq(programs.id, budgetItems.programId))
            .where(and(where(f), afterKey(key, after, "asc")))
            .orderBy(...orderBy(key, "asc"))
            .limit(n),
        limit,
        ({ b, program }) => ({
          id: b.id,
          program: program ?? null,
          name: b.name,
          description: b.description,
          approved_amount_usd: dollars(b.approvedAmountCents)!,
          actual_cost_usd: dollars(b.actualCostCents),
          over_budget_usd:
            b.actualCostCents === null ? null : dollars(Math.max(0, b.actualCostCents - b.approvedAmountCents)),
          funding_source: b.fundingSource,
          status: b.status,
          fiscal_year: b.fiscalYear,
          note: b.note,
          updated_at: iso(b.updatedAt)!,
        }),
        ({ b }) => [b.id],
      );
    },
    async count(f) {
      const d = await db();
      const [r] = await d
        .select({ n: sql<number>`count(*)::int` })
        .from(budgetItems)
        .leftJoin(programs, eq(programs.id, budgetItems.programId))
        .where(where(f));
      return Number(r.n);
    },
  };
}
