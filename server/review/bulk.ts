import "server-only";
// Mark many flagged records reviewed in one action: one transaction, one review action and one
// audit entry per record, so the audit trail reads the same as record-by-record review.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import type { RecordType } from "../../db/queries/review/common";
import { refreshReviewQueueState } from "../../db/queries/review/queue-summary";
import { AppError } from "../../lib/errors";
import type { Actor } from "./workflow";
import { alprSearches, cameraAccessEvents, droneFlights, reviewActions } from "../../db/schema";
import { appendAudit } from "../audit/log";
import type { SessionUser } from "../../lib/auth/roles";

const TABLES = { camera_access: cameraAccessEvents, alpr_search: alprSearches, drone_flight: droneFlights } as const;
export const BULK_MAX = 500;

export async function markReviewedMany(
  db: DbOrTx,
  user: SessionUser,
  actor: Actor,
  records: { recordType: RecordType; recordId: number }[],
  note?: string,
): Promise<number> {
  if (records.length === 0) throw new AppError("bad_request", "Select at least one record.");
  if (records.length > BULK_MAX) throw new AppError("bad_request", `Select at most ${BULK_MAX} records at a time.`);
  return db.transaction(async (tx) => {
    for (const type of Object.keys(TABLES) as RecordType[]) {
      const ids = [...new Set(records.filter((r) => r.recordType === type).map((r) => r.recordId))];
      if (ids.length === 0) continue;
      const t = TABLES[type];
      const found = await tx.select({ id: t.id }).from(t).where(inArray(t.id, ids));
      if (found.length !== ids.length) throw new AppError("bad_request", "Some selected records no longer exist.");
    }
    for (const r of records) {
      await tx.insert(reviewActions).values({ ...r, action: "reviewed", note: note || null, userId: user.id });
      await appendAudit(tx, {
        ...actor,
        action: "review.reviewed",
        targetType: r.recordType,
        targetId: String(r.recordId),
        details: { bulk: records.length, ...(note ? { note } : {}) },
      });
    }
    await refreshReviewQueueState(tx, records);
    return records.length;
  });
}
