import "server-only";
// The flag recompute in a process of its own, for the server's job workers on a Postgres server.
// The recompute once held every camera access and plate search in memory while the rules ran: at
// a large city's volume (13 million records a year) that was about 10 GB and a quarter of an hour,
// and in the web process it ran out of heap and took the portal down with it, on every start (the
// start-up job) and after every import. It now reads the records a batch at a time
// (server/anomalies/recompute.ts): 0.9 GB peak RSS and 2.7 minutes at the large city, 0.56 GB at
// scale 100 where it took 2.5 to 3.2 GB. It is still minutes of CPU, and a failure should fail the
// job, not the portal: in a child (`daylight flags`) it fails the job, with the reason, and the
// portal keeps serving.
// The heap limit below is a ceiling, not what it uses. On the embedded database the recompute
// stays in the server (it holds the one connection PGlite allows).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { jobSpecs } from "./specs";
import type { JobSpec } from "./types";

/** Half the machine's memory, and never less than Node's usual 4 GB. */
export function childHeapMb(totalBytes: number = os.totalmem()): number {
  return Math.max(4096, Math.floor(totalBytes / 2 / 2 ** 20));
}

/** The flags job, run as `daylight flags` against `url` in a child process. */
export function flagsInChildProcess(url: string, o: { heapMb?: number } = {}): JobSpec {
  return {
    ...jobSpecs.flags,
    run: (_db, _data, progress) =>
      new Promise((resolve, reject) => {
        const heap = o.heapMb ?? childHeapMb();
        const child = spawn(process.execPath, [path.join(process.cwd(), "bin/daylight.mjs"), "flags"], {
          cwd: process.cwd(),
          env: {
            ...process.env,
            DATABASE_URL: url,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${heap}`.trim(),
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let summary = "";
        let errors: string[] = [];
        const lines = (b: Buffer) =>
          b
            .toString("utf8")
            .split("\n")
            .map((l) => l.trim())
            .filter(Boolean);
        child.stdout.on("data", (b: Buffer) => {
          for (const l of lines(b)) if (/^Recomputed \d+ anomaly flags/.test(l)) summary = l.replace(/:$/, "");
        });
        child.stderr.on("data", (b: Buffer) => {
          errors = [...errors, ...lines(b)].slice(-200);
        });
        child.on("error", (e) => reject(new Error(`could not start the flag recompute: ${e.message}`)));
        child.on("close", (code, signal) => {
          if (code === 0 && summary) {
            progress(summary);
            return resolve(summary);
          }
          const how = signal ? `was stopped (${signal})` : `exited with ${code}`;
          reject(new Error(`the flag recompute (its own process, heap ${heap} MB) ${how}: ${reason(errors)}`));
        });
      }),
  };
}

/** The line that says why the child failed: V8's fatal error (out of memory), the CLI's own, or its last. */
function reason(stderr: string[]): string {
  return (
    stderr.find((l) => /FATAL ERROR/.test(l)) ??
    stderr.find((l) => l.startsWith("daylight:")) ??
    stderr[stderr.length - 1] ??
    "no output"
  );
}
