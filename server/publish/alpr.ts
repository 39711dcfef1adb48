import "server-only";
// The plate-reader publisher: searches 7 days after they happened, their rollups, detections and
// hotlist hits, and the reader inventory numbers (readers are listed in pub_cameras by the
// cameras publisher; sharing agreements in pub_sharing_agreements).
import { and, eq, sql } from "drizzle-orm";
import { alprSearches, cameras } from "../../db/schema";
import { city } from "../../lib/config/city";
import { ALPR_DIMS, ALPR_SCANS, publishAlprRollups } from "./alpr-rollups";
import { partialCountsSelect } from "./grouping-sets";
import { writeRows } from "./scope-sql";
import { clearRollups, insertRollups } from "./rollups";
import { publishSearches } from "./alpr-searches";
import { allPseudonyms, periodsFor } from "./cameras";
import { publishDaily } from "./daily";
import { recordDataset } from "./dataset";
import { publicationCutoff } from "../../lib/publish/rules/delay";
import type { Publisher } from "./types";

export const alprPublisher: Publisher = {
  name: "alpr",
  async build(ctx): Promise<number> {
    const users = await allPseudonyms(ctx.tx, ctx.pseudonymKey);
    const c = city();
    const cutoff = publicationCutoff(ctx.asOf, ctx.rules.delayHours.alprSearches);
    const searches = await publishSearches(ctx.tx, ctx.shadow, {
      cutoff,
      timeZone: ctx.timeZone,
      key: ctx.pseudonymKey,
      pgcrypto: ctx.pgcrypto,
      users,
      cityNames: [c.name, c.shortName],
      scope: ctx.scope,
    });
    await ctx.shadow.index("pub_alpr_searches");
    // The searches' counts per local date (only the scope's dates rewritten), which the rollups sum.
    await writeRows(
      ctx.shadow,
      "publish_part_alpr_searches",
      ["scan", "local_date", "keys", "n"],
      partialCountsSelect(ctx.shadow.nameOf("pub_alpr_searches"), ALPR_DIMS, ALPR_SCANS, ctx.scope, ctx.timeZone),
      ctx.scope,
    );
    await ctx.shadow.index("publish_part_alpr_searches");
    return searches;
  },
  async run(ctx) {
    const { tx } = ctx;
    const delay = ctx.rules.delayHours.alprSearches;
    const cutoff = publicationCutoff(ctx.asOf, delay);
    await clearRollups(tx, ["alpr"]);

    const searches = ctx.built as number;
    const table = ctx.shadow.nameOf("pub_alpr_searches");
    await publishDaily(tx, "alpr", table, ctx.scope);
    const r = await publishAlprRollups(
      tx,
      { table, partials: ctx.shadow.nameOf("publish_part_alpr_searches"), timeZone: ctx.timeZone },
      periodsFor(ctx, cutoff),
    );

    // Readers are disclosed individually in the inventory, so their count is not suppressed.
    const readers = await tx
      .select({
        n: sql<number>`count(*)::int`,
        maxDays: sql<number | null>`max(${cameras.retentionDays})::int`,
        minDays: sql<number | null>`min(${cameras.retentionDays})::int`,
      })
      .from(cameras)
      .where(and(eq(cameras.kind, "plate_reader"), eq(cameras.status, "active"), sql`${cameras.owner} <> 'private'`));
    const now = { dataset: "alpr" as const, period: "current", suppressed: false };
    await insertRollups(tx, {
      metrics: [
        { ...now, metric: "readers", value: readers[0].n, n: readers[0].n },
        {
          ...now,
          metric: "retention_days_max",
          value: readers[0].maxDays,
          n: readers[0].n,
          suppressed: readers[0].maxDays === null,
        },
        {
          ...now,
          metric: "retention_days_min",
          value: readers[0].minDays,
          n: readers[0].n,
          suppressed: readers[0].minDays === null,
        },
      ],
    });
    const [{ n: raw }] = await tx.select({ n: sql<number>`count(*)::int` }).from(alprSearches);
    await recordDataset(ctx, "alpr", delay, searches);
    return {
      sourceCounts: { alpr_searches: raw },
      publishedCounts: { pub_alpr_searches: searches, pub_alpr_rollups: r.rows + 3 },
      cellsSuppressed: r.suppressed,
    };
  },
};
