// Demo portal accounts, one per role: demo data only (is_demo), with fixed, printed
// credentials so a reviewer (and the end-to-end tests) can sign in. Never for real deployments.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { users } from "../schema";
import { createUser } from "../../lib/auth/users";
import type { Role } from "../../lib/auth/roles";

export type DemoUser = { email: string; name: string; role: Role; password: string; totpSecret: string };

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: "staff@demo.daylight.local",
    name: "Sam Staff (demo)",
    role: "staff",
    password: "demo-staff-password",
    totpSecret: "DAYLIGHTDEMOSTAFFAAAAAAAAAAAAAAA",
  },
  {
    email: "council@demo.daylight.local",
    name: "Casey Council (demo)",
    role: "council",
    password: "demo-council-password",
    totpSecret: "DAYLIGHTDEMOCOUNCILAAAAAAAAAAAAA",
  },
  {
    email: "auditor@demo.daylight.local",
    name: "Alex Auditor (demo)",
    role: "auditor",
    password: "demo-auditor-password",
    totpSecret: "DAYLIGHTDEMOAUDITORAAAAAAAAAAAAA",
  },
  {
    email: "admin@demo.daylight.local",
    name: "Ada Admin (demo)",
    role: "admin",
    password: "demo-admin-password",
    totpSecret: "DAYLIGHTDEMOADMINAAAAAAAAAAAAAAA",
  },
];

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
