// Handing work to a running portal that holds the embedded database (server/handoff): the request
// goes to its loopback endpoint with the token from the data directory, and its streamed events are
// printed as they come.
import { createReadStream, statSync } from "node:fs";
import { request } from "node:http";
import { env } from "../lib/env";
import { formatDuration as duration } from "../lib/format/numbers";
import { progressLine } from "../lib/format/progress";
import { readHandoff, type HandoffInfo } from "../server/handoff/file";
import { CliError } from "./errors";
import { progress } from "./progress";

export type HandoffEvent = { type: string } & Record<string, unknown>;

/** The running portal to hand work to: only on the embedded database (a Postgres server is shared). */
export function runningPortal(): HandoffInfo | undefined {
  const e = env();
  return e.DATABASE_URL ? undefined : readHandoff(e.DAYLIGHT_DATA_DIR);
}

export function callPortal(
  info: HandoffInfo,
  path: string,
  onEvent: (e: HandoffEvent) => void,
  file?: string,
): Promise<HandoffEvent | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: info.port,
        path,
        method: "POST",
        headers: {
          authorization: `Bearer ${info.token}`,
          ...(file ? { "content-length": statSync(file).size } : { "content-length": 0 }),
        },
      },
      (res) => {
        let buf = "";
        let last: HandoffEvent | undefined;
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buf += chunk;
          let i;
          while ((i = buf.indexOf("\n")) >= 0) {
            const line = buf.slice(0, i);
            buf = buf.slice(i + 1);
            if (!line.trim()) continue;
            last = JSON.parse(line) as HandoffEvent;
            if (last.type === "error")
              return reject(new CliError(`The running portal refused: ${String(last.message)}`));
            try {
              onEvent(last);
            } catch (err) {
              req.destroy();
              return reject(err instanceof Error ? err : new Error(String(err)));
            }
          }
        });
        res.on("end", () => resolve(last));
        res.on("error", reject);
      },
    );
    req.on("error", (e) => reject(new CliError(`Cannot reach the running portal (pid ${info.pid}): ${e.message}`)));
    if (file) createReadStream(file, { highWaterMark: 1 << 20 }).pipe(req);
    else req.end();
  });
}

/** Prints a job's events; throws when it finally fails. */
export function jobPrinter(label: string): (e: HandoffEvent) => void {
  const p = progress(label);
  const started = Date.now();
  return (e) => {
    if (e.type === "started")
      p.update(`running in the portal (attempt ${String(e.attempt)} of ${String(e.maxAttempts)})`);
    else if (e.type === "retrying")
      console.error(
        `${label}: attempt ${String(e.attempt)} failed (${String(e.error)}); retrying in ${duration(Number(e.retryInSeconds))}`,
      );
    else if (e.type === "succeeded")
      p.done(`${String(e.result)} (${duration((Date.now() - started) / 1000)} with waiting)`);
    else if (e.type === "failed") throw new CliError(`${label} failed in the running portal: ${String(e.error)}`);
    else if (e.type === "progress" && typeof e.bytes === "number")
      p.update(
        progressLine({
          done: e.bytes,
          total: e.total as number | undefined,
          elapsedMs: Date.now() - started,
          unit: "bytes",
        }),
      );
  };
}
