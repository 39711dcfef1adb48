// Demo portal accounts, one per role: demo data only (is_demo), with fixed, printed credentials so
// a reviewer (and the end-to-end tests) can sign in. Never for real deployments.
import type { Role } from "./roles";

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
