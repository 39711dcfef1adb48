// The contract every open dataset follows. A dataset is plain data (schemas, words) in lib/opendata;
// the database reads that fill it live in db/queries/public/opendata-*.ts.
import type { z } from "zod";

/** A filter schema: parses query-string values (strings) into typed filters. Every key optional. */
export type FilterSchema = z.ZodObject<Record<string, z.ZodType>>;
/** A row schema: every field carries `.meta({ description, ... })` so the dictionary derives from it. */
export type RowSchema = z.ZodObject<Record<string, z.ZodType>>;

/** Extra words for the data dictionary, beyond what the row schema says. */
export type FieldMeta = {
  description: string;
  /** How the value was generalized, rounded or suppressed before publication. */
  privacy?: string;
  example?: unknown;
};

export type ChangelogEntry = { date: string; change: string };

export type DatasetDef<F extends FilterSchema = FilterSchema, R extends RowSchema = RowSchema> = {
  /** URL name: /api/v1/<slug>, /api/v1/<slug>.csv */
  slug: string;
  title: string;
  summary: string;
  /** Where the same rows are shown to people. */
  pagePath: string;
  /** True when that page has a filter form taking the same parameters as the download. */
  pageFilters?: boolean;
  cadence: string;
  /** "publication": rebuilt by each publish run. "staff": public as written by staff, changes any time. */
  source: "publication" | "staff";
  /** Its name in pub_datasets (the publisher's "data as of" record), when it has one. */
  publicationDataset?: string;
  filters: F;
  /** Words for each filter parameter (OpenAPI and the /data page). */
  filterDocs: Record<keyof z.infer<F> & string, string>;
  row: R;
  /**
   * Count columns that may be suppressed (k-anonymity). When a row's `suppressed` is true these are
   * written as null (JSON) / "<11" (CSV); a value between 1 and k-1 is never written as a number.
   */
  suppressible?: readonly (keyof z.infer<R> & string)[];
  changelog: ChangelogEntry[];
};

export type ApiRow = Record<string, unknown>;

/** One page of rows in stable order, plus the keyset position after the last row. */
export type Batch<R = ApiRow> = { rows: R[]; next: unknown[] | null };

/** What the query layer provides per dataset (db/queries/public/opendata-*.ts). */
export type DatasetReader<F = Record<string, unknown>, R = ApiRow> = {
  /** Rows after `after` (exclusive), in the dataset's stable order, at most `limit`. */
  batch(filters: F, after: unknown[] | null, limit: number): Promise<Batch<R>>;
  count(filters: F): Promise<number>;
  /**
   * Filters the schema accepts but the data may not answer (a specific sensitive call category):
   * the parameter and the message of a 400, or null.
   */
  refuse?(filters: F): Promise<{ parameter: string; message: string } | null>;
};

export type PublicationInfo = { runId: number; asOf: Date; finishedAt: Date | null; rulesVersion: string } | null;
