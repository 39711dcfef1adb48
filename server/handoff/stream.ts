import "server-only";
// A hand-off's answer: one JSON object per line, as the work goes on, ending with its outcome.
import type { ServerResponse } from "node:http";
import type { JobEvent, JobQueue } from "../jobs/types";

export function startStream(res: ServerResponse): (o: object) => void {
  res.writeHead(200, { "content-type": "application/x-ndjson", "cache-control": "no-store" });
  return (o) => void res.write(JSON.stringify(o) + "\n");
}

/** Streams a queued job's events until it succeeds or finally fails. */
export function streamJob(
  queue: JobQueue,
  id: string | null,
  res: ServerResponse,
  write = startStream(res),
): Promise<void> {
  if (!id || !queue.watch) {
    write({ type: "queued", message: "queued; the portal runs it shortly" });
    res.end();
    return Promise.resolve();
  }
  write({ type: "queued", id });
  return new Promise((resolve) => {
    const off = queue.watch!(id, (e: JobEvent) => {
      write(e);
      if (e.type === "succeeded" || e.type === "failed") {
        off();
        res.end();
        resolve();
      }
    });
    res.on("close", () => {
      off();
      resolve();
    });
  });
}
