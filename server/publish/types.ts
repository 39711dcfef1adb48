import "server-only";
import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import type { Rules } from "../../lib/publish/rules";
import type { Scope } from "../../lib/publish/incremental";

/** What every publisher gets: the transaction that swaps the publication, and the clock. */
export type PublishContext = {
  tx: DbOrTx;
  /** The publication_runs row this publication belongs to. */
  runId: number;
  /** The publication's reference time; each dataset publishes events that ended before asOf - delay. */
  asOf: Date;
  rules: Rules;
  /** Secret key for pseudonymous user ids (keyed hash). */
  pseudonymKey: string;
  timeZone: string;
  /** The schema of this database's pgcrypto extension, or null without it (see publicIdSql). */
  pgcrypto: string | null;
  /** Large row tables are rebuilt beside the served ones and swapped in when every publisher is done. */
  shadow: ShadowTables;
  /**
   * Which of this dataset's published rows the publication rewrites (server/publish/changes.ts):
   * every row, or only those of some local dates (incremental publication). Rollups are recomputed
   * from the whole record either way.
   */
  scope: Scope;
  /** What this publisher's build returned (undefined for publishers without one). */
  built?: unknown;
  /** What each of this publisher's parts returned, by part name. */
  parts?: Record<string, unknown>;
};

/** What a build or a part gets: the context without the run's results. */
export type BuildContext = Omit<PublishContext, "built" | "parts" | "runId">;

/** One dataset's part of a publication run. */
export type PublisherResult = {
  /** Raw rows read, by source table. */
  sourceCounts: Record<string, number>;
  /** Rows written, by published table. */
  publishedCounts: Record<string, number>;
  cellsSuppressed: number;
};

export type Publisher = {
  name: string;
  /**
   * Optional first step: rebuild this dataset's large row tables (with ctx.shadow) and return what
   * run needs. On a Postgres server the publishers' builds run side by side, each in a transaction
   * of its own on its own connection, so one dataset's work in Node overlaps another's in the
   * database; the tables they leave are "<table>__next", which no reader sees before the swap.
   * On embedded PGlite (one connection) each publisher's build and parts run in order in one short
   * transaction of their own, before the publication's transaction opens, so that requests are
   * answered between publishers (server/publish/run.ts, buildInSteps). Either way a build only
   * reads the raw tables and writes its own "__next" tables; everything served is written by run.
   */
  build?: (ctx: BuildContext) => Promise<unknown>;
  /**
   * Optional further builds, independent of `build` and of each other, that run beside it the same
   * way (each on its own connection when there are spare ones): a publisher whose build is much
   * longer than the others' splits work off here so that it does not finish alone on one core.
   * Their results reach run as ctx.parts.
   */
  parts?: Record<string, (ctx: BuildContext) => Promise<unknown>>;
  /**
   * Whether this publisher's build (not its parts) may use Postgres's parallel workers. The builds
   * running side by side already keep every core busy, so in the others workers only add the cost
   * of handing rows between processes (about 20 CPU-seconds of a full publication at scale 100);
   * the build that finishes last keeps them, to finish sooner.
   */
  parallel?: boolean;
  /** Delete this dataset's published rows and write the new ones, inside ctx.tx. */
  run: (ctx: PublishContext) => Promise<PublisherResult>;
};
