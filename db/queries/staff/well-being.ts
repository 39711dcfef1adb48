import "server-only";
// Staff writes for the well-being strategy page: a phase's dates and summary; a theme's count and summary.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { engagementThemes, strategyPhases } from "@/db/schema/content";
import type { ServiceArea, StrategyPhase } from "@/lib/vocab";

export async function savePhase(
  tx: DbOrTx,
  d: { phase: StrategyPhase; startsOn: string; endsOn: string | null; summary: string },
) {
  await tx
    .insert(strategyPhases)
    .values(d)
    .onConflictDoUpdate({
      target: strategyPhases.phase,
      set: { startsOn: d.startsOn, endsOn: d.endsOn, summary: d.summary, updatedAt: sql`now()` },
    });
}

export async function saveTheme(
  tx: DbOrTx,
  d: { theme: string; serviceArea: ServiceArea | null; comments: number; summary: string },
) {
  const [row] = await tx
    .insert(engagementThemes)
    .values(d)
    .onConflictDoUpdate({
      target: engagementThemes.theme,
      set: { serviceArea: d.serviceArea, comments: d.comments, summary: d.summary, updatedAt: sql`now()` },
    })
    .returning({ id: engagementThemes.id });
  return row;
}
