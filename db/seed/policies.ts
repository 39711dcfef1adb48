// Policy versions from content/policies/*.mdx. Owned by the staff-publishing work (issue 6), which replaces this body.
import type { DbOrTx } from "../client";
/** Loads every policy version file into policy_versions; returns how many. */
export async function seedPolicies(_tx: DbOrTx): Promise<number> {
  return 0;
}
