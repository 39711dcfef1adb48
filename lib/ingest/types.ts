// Shared shapes of the ingest pipeline: datasets, format mappings (plain data), row errors.

export const DATASETS = [
  "flights",
  "camera_access",
  "alpr_searches",
  "alpr_daily",
  "cso_activities",
  "cameras",
] as const;
export type Dataset = (typeof DATASETS)[number];

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
  /**
   * The file carries no record id: each row's id is a hash of these columns (or with idFromRow, of
   * every cell) plus its occurrence number among rows alike in them, so duplicate rows all import
   * and a re-import adds nothing.
   */
  naturalKey?: string[];
  idFromRow?: boolean;
  /** What the import may create when a named camera, person or agency is not found. */
  create?: { agencies?: boolean; personnel?: boolean; cameras?: boolean };
  /** Fixed field values applied before the columns (e.g. the agency an ALPR export belongs to). */
  defaults?: Record<string, unknown>;
};

export type RowError = { line: number; column?: string; reason: string };

/** One row of a file after reading: raw values keyed by lower-cased header, plus where it was. */
export type RawRow = { line: number; values: Record<string, unknown> };
