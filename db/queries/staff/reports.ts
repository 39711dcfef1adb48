import "server-only";
// Staff writes for the annual surveillance report: each section's narrative (one per program, year
// and section) and the public-records requests counted in it (dates and outcome only).
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { annualReportNarratives, recordsRequests } from "@/db/schema/content";
import { programs } from "@/db/schema/reference";
import type { ProgramSlug, RecordsRequestOutcome, ReportSection } from "@/lib/vocab";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

async function programId(tx: DbOrTx, slug: ProgramSlug): Promise<number | null> {
  const [p] = await tx.select({ id: programs.id }).from(programs).where(eq(programs.slug, slug));
  return p?.id ?? null;
}

/** Writes (or, with an empty body, removes) a section's narrative. Null when the program is unknown. */
export async function saveNarrative(
  tx: DbOrTx,
  d: { program: ProgramSlug; year: number; section: ReportSection; body: string; userId: number | null },
): Promise<{ id: number | null } | null> {
  const pid = await programId(tx, d.program);
  if (pid === null) return null;
  const key = and(
    eq(annualReportNarratives.programId, pid),
    eq(annualReportNarratives.year, d.year),
    eq(annualReportNarratives.section, d.section),
  );
  if (!d.body) {
    await tx.delete(annualReportNarratives).where(key);
    return { id: null };
  }
  const [row] = await tx
    .insert(annualReportNarratives)
    .values({ programId: pid, year: d.year, section: d.section, body: d.body, updatedByUserId: d.userId })
    .onConflictDoUpdate({
      target: [annualReportNarratives.programId, annualReportNarratives.year, annualReportNarratives.section],
      set: { body: d.body, updatedByUserId: d.userId, updatedAt: sql`now()` },
    })
    .returning({ id: annualReportNarratives.id });
  return { id: row.id };
}

export async function addRecordsRequest(
  tx: DbOrTx,
  d: {
    program: ProgramSlug;
    receivedOn: string;
    closedOn: string | null;
    outcome: RecordsRequestOutcome;
    userId: number | null;
  },
): Promise<{ id: number } | null> {
  const pid = await programId(tx, d.program);
  if (pid === null) return null;
  const [row] = await tx
    .insert(recordsRequests)
    .values({
      programId: pid,
      receivedOn: d.receivedOn,
      closedOn: d.closedOn,
      outcome: d.outcome,
      createdByUserId: d.userId,
    })
    .returning({ id: recordsRequests.id });
  return row;
}

export async function listNarratives(o: Opts & { program: ProgramSlug; year: number }) {
  const db = await use(o);
  return db
    .select({ section: annualReportNarratives.section, body: annualReportNarratives.body })
    .from(annualReportNarratives)
    .innerJoin(programs, eq(programs.id, annualReportNarratives.programId))
    .where(and(eq(programs.slug, o.program), eq(annualReportNarratives.year, o.year)));
}

export async function listRecordsRequests(o: Opts & { limit?: number } = {}) {
  const db = await use(o);
  return db
    .select({
      id: recordsRequests.id,
      program: programs.name,
      receivedOn: recordsRequests.receivedOn,
      closedOn: recordsRequests.closedOn,
      outcome: recordsRequests.outcome,
    })
    .from(recordsRequests)
    .innerJoin(programs, eq(programs.id, recordsRequests.programId))
    .orderBy(desc(recordsRequests.receivedOn), desc(recordsRequests.id))
    .limit(o.limit ?? 50);
}
