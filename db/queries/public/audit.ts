import "server-only";
// The published audit-log checkpoints: the chain head's hash and row count per day. Nothing
// else from the audit log is public.
import { desc } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../client";
import { auditCheckpoints } from "../../schema";

export type PublicCheckpoint = { day: string; rowCount: number; headId: number; headHash: string };

export async function listAuditCheckpoints({ db, limit = 60 }: { db?: DbOrTx; limit?: number } = {}): Promise<
  PublicCheckpoint[]
> {
  const d = db ?? (await getDb());
  return d
    .select({
      day: auditCheckpoints.day,
      rowCount: auditCheckpoints.rowCount,
      headId: auditCheckpoints.headId,
      headHash: auditCheckpoints.headHash,
    })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.day))
    .limit(limit);
}
