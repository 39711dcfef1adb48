// On a record opened from the queue (?from_queue=1 plus the queue's filters): a link back to the
// same filtered queue and previous/next links in its order (rel=prev/next; accesskeys p and n).
import Link from "next/link";
import { getDb } from "@/db/client";
import { QUEUE_SORTS, QUEUE_STATUSES, queueNeighbours } from "@/db/queries/review/queue";
import { RULE_NAMES } from "@/lib/anomalies/types";
import { enumParam, parseCommon } from "../_lib/format";

const PATHS = {
  camera_access: "/review/access",
  alpr_search: "/review/alpr",
  drone_flight: "/review/flights",
} as const;
type RecordType = keyof typeof PATHS;
const num = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

export async function QueueNav({
  recordType,
  recordId,
  params,
}: {
  recordType: RecordType;
  recordId: number;
  params: Record<string, string>;
}) {
  if (params.from_queue !== "1") return null;
  const keep = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v && !["from_queue", "done", "bulkError", "added"].includes(k)) keep.set(k, v);
  const queueQs = keep.toString();
  const common = parseCommon(params);
  const filters = {
    rule: enumParam(params.rule, RULE_NAMES),
    recordType: enumParam(params.type, ["camera_access", "alpr_search", "drone_flight"] as const),
    status: enumParam(params.status, QUEUE_STATUSES),
    from: common.from,
    to: common.to,
    personnelId: num(params.person),
    agencyId: num(params.agency),
    cameraId: num(params.camera),
  };
  const n = await queueNeighbours(
    await getDb(),
    {
      filters,
      sort: enumParam(params.sort, QUEUE_SORTS) ?? "score",
      dir: params.dir === "asc" ? "asc" : "desc",
    },
    { recordType, recordId },
  );
  const href = (r: { record_type: RecordType; record_id: number }) =>
    `${PATHS[r.record_type]}/${r.record_id}?${queueQs ? `${queueQs}&` : ""}from_queue=1`;
  return (
    <nav aria-label="Queue">
      <Link href={`/review${queueQs ? `?${queueQs}` : ""}`}>← Back to the queue</Link>
      {n.position ? ` · record ${n.position} of ${n.total}` : null}
      {n.prev ? (
        <>
          {" · "}
          <Link href={href(n.prev)} rel="prev" accessKey="p">
            Previous
          </Link>
        </>
      ) : null}
      {n.next ? (
        <>
          {" · "}
          <Link href={href(n.next)} rel="next" accessKey="n">
            Next
          </Link>
        </>
      ) : null}
    </nav>
  );
}
