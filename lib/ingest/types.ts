// Shared shapes of the ingest pipeline: datasets, format mappings (plain data), row errors.

import { INGEST_DATASETS, type IngestDataset } from "../vocab";

export const DATASETS = INGEST_DATASETS;
export type Dataset = IngestDataset;

/** How a file is laid out on disk. */
export type FileKind = "csv" | "json" | "geojson";

/** A converter by name (see converters.ts), or a vocabulary that maps raw words to a controlled value. */
export type ConverterSpec =
  | "text"
  | "int"
  | "number"
  | "bool"
  | "timestamp"
  | "date"
  | "durationHms"
  | "minutes"
  | "wktPoint"
  | "list"
  | "jsonLineString"
  /** A date (or the date of a date-time) as the start of that day, local to the city. */
  | "dayStart"
  /** Text where "***", "REDACTED" or blank mean no value. */
  | "redactable"
  /** One cell holding a window "M/D/YYYY, h:mm:ss AM UTC … M/D/YYYY, h:mm:ss PM UTC" → { start, end }. */
  | "timeWindow"
  | { vocab: Record<string, string>; otherwise?: string };

export type ColumnMap = {
  /** Column name in the file (matched case-insensitively, surrounding spaces ignored). */
  from: string;
  /** Field of the dataset's record it fills; absent for columns recognized but not stored. */
  to?: string;
  convert: ConverterSpec;
  required?: boolean;
  /** One line for the format documentation. */
  doc: string;
};

/** A vendor or portal format: a column map plus defaults. Adding a format is adding one of these. */
export type FormatMapping = {
  name: string;
  dataset: Dataset;
  title: string;
  description: string;
  kinds: FileKind[];
  /** Value of `source` on the stored records (overridable per import). */
  source: string;
  columns: ColumnMap[];
  /** When the file carries no stable id: the columns hashed into one (a repeated key is the same record). */
  naturalKey?: string[];
  /**
   * The file carries no record id at all: each row's id is a hash of every cell plus its occurrence
   * number among identical rows, so duplicate rows each import and a re-import adds nothing.
   */
  idFromRow?: boolean;
  /** What the import may create when a named camera, person or agency is not found. */
  create?: { agencies?: boolean; personnel?: boolean; cameras?: boolean };
  /** Fixed field values applied before the columns (e.g. the agency an ALPR export belongs to). */
  defaults?: Record<string, unknown>;
};

export type RowError = { line: number; column?: string; reason: string };
