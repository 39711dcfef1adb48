// The data dictionary, derived from each dataset's row schema so it cannot drift from the API.
import { z } from "zod";
import { SUPPRESSED_CSV } from "./suppressed";
import type { DatasetDef } from "./types";

export type DictionaryEntry = {
  column: string;
  type: string;
  nullable: boolean;
  meaning: string;
  allowedValues: string[] | null;
  privacy: string | null;
};

type JsonSchema = {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  description?: string;
  privacy?: string;
  properties?: Record<string, JsonSchema>;
};

/** JSON Schema of a row (draft 2020-12), with descriptions and privacy notes from `.meta()`. */
export function rowJsonSchema(def: DatasetDef): JsonSchema {
  return z.toJSONSchema(def.row, { io: "output", unrepresentable: "any" }) as JsonSchema;
}

export function dictionary(def: DatasetDef): DictionaryEntry[] {
  const props = rowJsonSchema(def).properties ?? {};
  const suppressible = new Set(def.suppressible ?? []);
  return Object.entries(props).map(([column, s]) => {
    const variants = s.anyOf ?? [s];
    const nonNull = variants.filter((v) => v.type !== "null");
    const nullable = nonNull.length < variants.length;
    const main = nonNull[0] ?? {};
    const enumValues = nonNull.flatMap((v) => v.enum ?? []).map(String);
    // `.meta()` may sit on the field or on its non-null variant (x.meta().nullable()).
    const described = [s, ...variants];
    let privacy = described.find((v) => v.privacy)?.privacy ?? null;
    if (suppressible.has(column)) {
      const note = `Counts from 1 to 10 are shown as "${SUPPRESSED_CSV}" in CSV and as null with suppressed: true in JSON.`;
      privacy = privacy ? `${privacy} ${note}` : note;
    }
    return {
      column,
      type: typeName(main),
      nullable,
      meaning: described.find((v) => v.description)?.description ?? "",
      allowedValues: enumValues.length ? enumValues : null,
      privacy,
    };
  });
}

function typeName(s: JsonSchema): string {
  if (s.format === "date-time") return "timestamp (ISO 8601, UTC)";
  if (s.format === "date") return "date (YYYY-MM-DD)";
  if (s.type === "array") return `list of ${typeName(s.items ?? {})}`;
  if (s.enum) return "text (one of the allowed values)";
  if (s.type === "string") return "text";
  return String(s.type ?? "any");
}

/** CSV header: exactly the dictionary's columns, in order. */
export function csvColumns(def: DatasetDef): string[] {
  return Object.keys(def.row.shape);
}

/** What the open-data page says about the page that shows a dataset, true to whether it filters. */
export function pageFilterHint(def: Pick<DatasetDef, "pageFilters" | "filters">): string {
  if (def.pageFilters) return "filter there, then use its download links to get just those rows";
  if (Object.keys(def.filters.shape).length === 0) return "the whole table, as downloaded below";
  return "that page shows the rows without filters: to filter, add the parameters listed under Filters to the download or API address below";
}
