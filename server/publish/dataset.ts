import "server-only";
// The "data as of" record each publisher writes for its dataset, inside the same transaction.
import { sql } from "drizzle-orm";
import { pubDatasets } from "../../db/schema";
import { RULES_VERSION } from "../../lib/publish/rules";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import type { PublishContext } from "./types";

export async function recordDataset(
  ctx: PublishContext,
  dataset: string,
  delayHours: number,
  rows: number,
): Promise<void> {
  const values = {
    dataset,
    runId: ctx.runId,
    publishedAt: new Date(),
    asOf: ctx.asOf,
    cutoff: publicationCutoff(ctx.asOf, delayHours),
    delayHours,
    rulesVersion: RULES_VERSION,
    rows,
  };
  await ctx.tx
    .insert(pubDatasets)
    .values(values)
    .onConflictDoUpdate({
      target: pubDatasets.dataset,
      set: {
        runId: sql`excluded.run_id`,
        publishedAt: sql`excluded.published_at`,
        asOf: sql`excluded.as_of`,
        cutoff: sql`excluded.cutoff`,
        delayHours: sql`excluded.delay_hours`,
        rulesVersion: sql`excluded.rules_version`,
        rows: sql`excluded.rows`,
      },
    });
}
