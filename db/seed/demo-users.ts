// Demo portal accounts. Owned by the review-area work (issue 5), which replaces this body.
import type { DbOrTx } from "../client";
/** Creates demo accounts; returns lines the seed prints (emails, passwords, TOTP secrets). */
export async function seedDemoUsers(_tx: DbOrTx): Promise<string[]> {
  return [];
}
