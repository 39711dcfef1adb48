// Shared fixtures for the open-data tests: requests from a chosen address, and small data sets.
import type { DbOrTx } from "../../db/client";
import { budgetItems, programs, publicationRuns } from "../../db/schema";

let ipCounter = 0;
/** A fresh client address per call site, so the rate limit never interferes unless we want it to. */
export function freshIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

export function req(path: string, opts: { ip?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`http://localhost${path}`, {
    headers: { "x-forwarded-for": opts.ip ?? freshIp(), ...(opts.headers ?? {}) },
  });
}

export async function insertRuns(db: DbOrTx, n: number): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => ({
    asOf: new Date(Date.UTC(2026, 0, 1 + i, 6)),
    finishedAt: new Date(Date.UTC(2026, 0, 1 + i, 6, 5)),
    rulesVersion: "2026.11-1",
    status: i % 5 === 4 ? ("failed" as const) : ("succeeded" as const),
    sourceCounts: { drone_flights: 100 + i },
    publishedCounts: { pub_flights: 90 + i, pub_weekly: 10 },
    cellsSuppressed: i,
    trigger: "test",
  }));
  await db.insert(publicationRuns).values(rows);
}

/** Budget items with the awkward text a CSV must survive: commas, quotes, newlines, accents, emoji. */
export const awkwardNames = [
  'Utility vehicle, "CSO" program',
  "Cámara de tráfico — Ñandú Ave",
  "Line one\nline two",
  "Drone dock 🚁 north",
  "=SUM(A1) leading equals",
];

export async function insertBudget(db: DbOrTx): Promise<void> {
  const [p] = await db
    .insert(programs)
    .values({ slug: "cso", name: "Community Safety Officers", status: "pilot" })
    .onConflictDoNothing()
    .returning({ id: programs.id });
  const programId = p?.id ?? null;
  await db.insert(budgetItems).values(
    awkwardNames.map((name, i) => ({
      programId: i % 2 === 0 ? programId : null,
      name,
      description: i === 0 ? "Approved at $62,000; came in at $67,185" : "",
      approvedAmountCents: 6_200_000 + i,
      actualCostCents: i === 0 ? 6_718_500 : null,
      fundingSource: "General fund",
      status: i === 0 ? ("purchased" as const) : ("approved" as const),
      fiscalYear: i < 3 ? "FY2025-26" : "FY2026-27",
      note: i === 0 ? "Covered by the department's existing budget" : null,
    })),
  );
}

export async function readAll(res: Response): Promise<string> {
  return new TextDecoder().decode(await res.arrayBuffer());
}
