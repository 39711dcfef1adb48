// The published audit checkpoints as JSON: save a copy, and later check the log against it with
// `daylight audit verify --against <copy>` (catches rows and checkpoints deleted together).
import { listAuditCheckpoints } from "@/db/queries/public/audit";

export const dynamic = "force-dynamic";

export async function GET() {
  const rows = await listAuditCheckpoints();
  return Response.json(
    {
      description:
        "Signed checkpoints of the Daylight audit log: the latest entry's id and fingerprint and the number of entries, newest first. Entries newer than the latest checkpoint are vouched for only by the next one.",
      checkpoints: rows.map((r) => ({
        at: r.at.toISOString(),
        reason: r.reason,
        headId: r.headId,
        headHash: r.headHash,
        rowCount: r.rowCount,
        signature: r.signature,
      })),
    },
    { headers: { "cache-control": "no-store" } },
  );
}
