import "server-only";
// What follows every successful import: anomaly flags recomputed (the review queue sees new
// records) and a publication (the public sees them after their delay). Failures here do not undo
// the import; they are reported so an operator can rerun `daylight flags` / `daylight publish`.
import type { Db } from "../../db/client";
import { recomputeFlags } from "../anomalies/recompute";
import { publishNow } from "../publish/publish-now";

export type AfterImport = { flags?: number; publishRunId?: number; publishMs?: number; problems: string[] };

export async function afterImport(db: Db, timeZone: string): Promise<AfterImport> {
  const out: AfterImport = { problems: [] };
  try {
    out.flags = (await recomputeFlags(db, { timeZone })).total;
  } catch (e) {
    out.problems.push(`recomputing anomaly flags failed (${(e as Error).message}); run \`daylight flags\``);
  }
  try {
    const p = await publishNow(db, "import");
    out.publishRunId = p.runId;
    out.publishMs = p.ms;
  } catch (e) {
    out.problems.push(`publishing failed (${(e as Error).message}); run \`daylight publish\``);
  }
  return out;
}
