// Budget items as staff publish them: approved amount, actual cost, funding, status.
import { z } from "zod";
import { optionalEnum, optionalText } from "../filters";
import type { DatasetDef } from "../types";

export const PROGRAMS = ["drones", "fixed_cameras", "watch_center", "plate_readers", "cso"] as const;
export const BUDGET_STATUSES = ["planned", "approved", "purchased", "complete", "cancelled"] as const;

export const budgetItemsFilters = z.object({
  program: optionalEnum(PROGRAMS),
  status: optionalEnum(BUDGET_STATUSES),
  fiscal_year: optionalText(20),
});

const usd = (description: string) => z.number().multipleOf(0.01).meta({ description });

export const budgetItemsRow = z.object({
  id: z.number().int().meta({ description: "Budget item number (stable)." }),
  program: z
    .enum(PROGRAMS)
    .nullable()
    .meta({ description: "Program the item belongs to; null for items shared by the whole pilot." }),
  name: z.string().meta({ description: "What was bought or funded, as staff wrote it." }),
  description: z.string().meta({ description: "Longer description, as staff wrote it (may be empty)." }),
  approved_amount_usd: usd("Amount approved by council, in US dollars."),
  actual_cost_usd: usd("Amount actually spent, in US dollars; null until known.").nullable(),
  over_budget_usd: usd(
    "Actual cost minus approved amount when positive, else 0; null until the cost is known.",
  ).nullable(),
  funding_source: z.string().meta({ description: "Where the money comes from (grant, general fund…)." }),
  status: z.enum(BUDGET_STATUSES).meta({ description: "Where the purchase stands." }),
  fiscal_year: z.string().meta({ description: "City fiscal year, e.g. FY2025-26." }),
  note: z.string().nullable().meta({ description: "Staff note, e.g. how an overrun was covered." }),
  updated_at: z.iso.datetime().meta({ description: "When staff last changed the item." }),
});

export const budgetItemsDataset: DatasetDef = {
  slug: "budget-items",
  title: "Budget items",
  summary: "Purchases and costs of the pilot as staff publish them, with approved amounts and actual costs.",
  pagePath: "/costs",
  cadence: "Whenever staff update an item",
  source: "staff",
  filters: budgetItemsFilters,
  filterDocs: {
    program: `Program: ${PROGRAMS.join(", ")}`,
    status: `Status: ${BUDGET_STATUSES.join(", ")}`,
    fiscal_year: "Fiscal year exactly as written, e.g. FY2025-26",
  },
  row: budgetItemsRow,
  changelog: [{ date: "2026-11-22", change: "First version." }],
};
