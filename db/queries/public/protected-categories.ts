import "server-only";
// Sensitive call categories never appear in the row-level logs ("Protected call type" instead, see
// lib/publish/rules.ts), so no public filter may name one: these say which codes are protected.
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { callCategories } from "@/db/schema";
import { rules } from "@/lib/publish/rules";

/** The codes of the sensitive call categories (reference vocabulary, not records). */
export async function protectedCategoryCodes({ db }: { db?: DbOrTx } = {}): Promise<Set<string>> {
  const d = db ?? (await getDb());
  const rows = await d
    .select({ code: callCategories.code })
    .from(callCategories)
    .where(eq(callCategories.sensitive, true));
  return new Set(rows.map((r) => r.code));
}

/** The message for a filter naming a sensitive category, or null when the value may be filtered on. */
export async function protectedCategoryError(category: string | undefined, o: { db?: DbOrTx } = {}) {
  if (!category || category === rules.protectedCategory.code) return null;
  if (!(await protectedCategoryCodes(o)).has(category)) return null;
  return `"${category}" is a protected call type: row-level records of sensitive categories are published only as "${rules.protectedCategory.label}" (category=${rules.protectedCategory.code}); their counts by category are in the rollups. See /data/methodology.`;
}
