import "server-only";
// Complaints and feedback about one published record, and one complaint's public page: kind,
// status, dates and the staff-written public outcome only. The resident's words and contact
// details are never read here.
import { and, asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { feedback } from "@/db/schema";
import { programs } from "@/db/schema/reference";

type Opts = { db?: DbOrTx };
const publicColumns = {
  id: feedback.id,
  kind: feedback.kind,
  status: feedback.status,
  targetType: feedback.targetType,
  targetRef: feedback.targetRef,
  createdAt: feedback.createdAt,
  resolvedAt: feedback.resolvedAt,
  outcome: feedback.outcome,
};

export type PublicComplaint = {
  id: number;
  kind: "feedback" | "complaint";
  status: string;
  targetType: string;
  targetRef: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  outcome: string | null;
  programName?: string | null;
  programSlug?: string | null;
};

/** Every message filed about one record ("flight", "<public id>"), oldest first. */
export async function complaintsAbout(
  o: Opts & { targetType: "flight" | "access" | "search"; targetRef: string },
): Promise<PublicComplaint[]> {
  const db = o.db ?? (await getDb());
  return db
    .select(publicColumns)
    .from(feedback)
    .where(and(eq(feedback.targetType, o.targetType), eq(feedback.targetRef, o.targetRef)))
    .orderBy(asc(feedback.createdAt), asc(feedback.id));
}

/** One message's public record, or null. */
export async function publicComplaint(o: Opts & { id: number }): Promise<PublicComplaint | null> {
  const db = o.db ?? (await getDb());
  const [row] = await db
    .select({ ...publicColumns, programName: programs.name, programSlug: programs.slug })
    .from(feedback)
    .leftJoin(programs, eq(programs.id, feedback.programId))
    .where(eq(feedback.id, o.id))
    .limit(1);
  return row ?? null;
}
