import "server-only";
// Findings: opened by reviewers on a record, closed by auditors with an outcome.
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../client";
import { findings, users } from "../../schema";
import { offsetOf, type Page } from "./common";

const opener = alias(users, "opener");
const closer = alias(users, "closer");

export type FindingFilters = { status?: "open" | "closed"; findingType?: string };

export async function listFindings(db: DbOrTx, p: { filters: FindingFilters } & Page) {
  const w: SQL | undefined = and(
    ...[
      p.filters.status ? eq(findings.status, p.filters.status) : undefined,
      p.filters.findingType ? eq(findings.findingType, p.filters.findingType) : undefined,
    ].filter(Boolean),
  );
  const rows = await db
    .select({ f: findings, openedByName: opener.name, closedByName: closer.name })
    .from(findings)
    .innerJoin(opener, eq(opener.id, findings.openedBy))
    .leftJoin(closer, eq(closer.id, findings.closedBy))
    .where(w)
    .orderBy(desc(findings.openedAt), desc(findings.id))
    .limit(p.pageSize)
    .offset(offsetOf(p));
  const [{ n }] = await db.select({ n: count() }).from(findings).where(w);
  return { rows, total: Number(n) };
}

export async function getFinding(db: DbOrTx, id: number) {
  const [row] = await db.select().from(findings).where(eq(findings.id, id));
  return row ?? null;
}
