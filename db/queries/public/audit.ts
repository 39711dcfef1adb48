import "server-only";
// The published audit-log checkpoints: the chain head's id, hash and row count at a time, with
// the signature. Nothing else from the audit log is public.
import { desc } from "drizzle-orm";
import { getDb, type DbOrTx } from "../../client";
import { auditCheckpoints } from "../../schema";

export type PublicCheckpoint = {
  at: Date;
  day: string;
  reason: string;
  rowCount: number;
  headId: number;
  headHash: string;
  signature: string | null;
};

export async function listAuditCheckpoints({ db, limit = 200 }: { db?: DbOrTx; limit?: number } = {}): Promise<
  PublicCheckpoint[]
> {
  const d = db ?? (await getDb());
  return d
    .select({
      at: auditCheckpoints.at,
      day: auditCheckpoints.day,
      reason: auditCheckpoints.reason,
      rowCount: auditCheckpoints.rowCount,
      headId: auditCheckpoints.headId,
      headHash: auditCheckpoints.headHash,
      signature: auditCheckpoints.mac,
    })
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.id))
    .limit(limit);
}
