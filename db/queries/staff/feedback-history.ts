import "server-only";
// A message's status history: staff's triage writes one row per change of status, in the same
// transaction as the change and before it (it compares with the status the message still has;
// nothing is written when the status stays the same).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";

export async function recordFeedbackStatus(tx: DbOrTx, c: { feedbackId: number; status: string }): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`insert into feedback_status_changes (feedback_id, status)
        select id, ${c.status}::feedback_status from feedback
        where id = ${c.feedbackId} and status is distinct from ${c.status}::feedback_status
        returning id`,
  );
  return rows.length > 0;
}
