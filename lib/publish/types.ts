import type { DbOrTx } from "../../db/client";
import type { ShadowTables } from "../../db/shadow";
import type { Rules } from "./rules";

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
  /** Large row tables are rebuilt beside the served ones and swapped in when every publisher is done. */
  shadow: ShadowTables;
};

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
  /** Delete this dataset's published rows and write the new ones, inside ctx.tx. */
  run(ctx: PublishContext): Promise<PublisherResult>;
};
