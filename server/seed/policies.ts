import "server-only";
// Policy versions from content/policies/<slug>/v<version>.mdx into policy_versions (idempotent:
// a version already loaded is left as it is).
import { eq } from "drizzle-orm";
import { readPolicyFiles } from "../../lib/content/policy-files";
import type { DbOrTx } from "../../db/client";
import { policyVersions, programs } from "../../db/schema";

/** Loads every policy version file into policy_versions; returns how many were new. */
export async function seedPolicies(tx: DbOrTx): Promise<number> {
  let added = 0;
  for (const p of readPolicyFiles()) {
    const [program] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, p.program));
    const rows = await tx
      .insert(policyVersions)
      .values({
        policySlug: p.slug,
        programId: program?.id ?? null,
        title: p.title,
        version: p.version,
        effectiveDate: p.effectiveDate,
        adoptedBy: p.adoptedBy,
        bodyMdx: p.body,
        summary: p.summary ?? null,
        summaryEs: p.summaryEs ?? null,
        origin: "file",
      })
      .onConflictDoNothing()
      .returning({ id: policyVersions.id });
    added += rows.length;
  }
  return added;
}
