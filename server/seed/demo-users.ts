import "server-only";
// Demo portal accounts, one per role: demo data only (is_demo), with fixed, printed
// credentials so a reviewer (and the end-to-end tests) can sign in. Never for real deployments.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { users } from "../../db/schema";
import { createUser } from "../auth/users";
import { DEMO_USERS } from "../../lib/auth/demo-users";

/** Creates demo accounts; returns lines the seed prints (emails, passwords, TOTP secrets). */
export async function seedDemoUsers(tx: DbOrTx): Promise<string[]> {
  const lines = ["Demo accounts (demo data only; add a TOTP app entry with the secret, or use the URI):"];
  for (const u of DEMO_USERS) {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (!exists) await createUser(tx, { ...u, isDemo: true }, { actorType: "system", actorLabel: "demo seed" });
    lines.push(`  ${u.role.padEnd(8)} ${u.email}  password: ${u.password}  TOTP secret: ${u.totpSecret}`);
  }
  return lines;
}
