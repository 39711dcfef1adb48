import "server-only";
// A complaint's status changes as staff recorded them: the status and when, nothing else.
import { asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { feedbackStatusChanges } from "@/db/schema/content";

export async function complaintStatusChanges(o: { db?: DbOrTx; id: number }): Promise<{ status: string; at: Date }[]> {
  const db = o.db ?? (await getDb());
  return db
    .select({ status: feedbackStatusChanges.status, at: feedbackStatusChanges.at })
    .from(feedbackStatusChanges)
    .where(eq(feedbackStatusChanges.feedbackId, o.id))
    .orderBy(asc(feedbackStatusChanges.at), asc(feedbackStatusChanges.id));
}
