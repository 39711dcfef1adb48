// How long a public read waits while a publication runs (`npm run bench -- publish-wait`).
// On the embedded database (PGlite, one connection) every query queues for that connection; a
// publication that holds it in one long transaction makes every read wait for all of it. The
// benchmark seeds a throwaway database, then for each run starts a publication and, beside it,
// asks for the home page's figures (the query the home page makes) every 50 ms, and reports the
// longest time one of them took, against the same read on an idle database. Medians over the runs.
import { randomBytes } from "node:crypto";
import { getHomeSummary } from "../db/queries/public/home";
import { city } from "../lib/config/city";
import { seedDemo } from "../server/seed";
import { runPublish } from "../server/publish/run";
import { median, medianMs } from "./measure";
import { throwawayDb } from "./throwaway-db";

const PERIOD_MS = 50;

export type PublishWaitOptions = { url?: string; scale: number; runs: number; keep?: boolean };

export async function benchPublishWait(o: PublishWaitOptions): Promise<string> {
  const h = await throwawayDb(o.url);
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s);
    console.error(s);
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  try {
    const pseudonymKey = randomBytes(24).toString("base64url");
    const publish = () => runPublish(h.db, { pseudonymKey, timeZone: city().timeZone, trigger: "bench" });
    const read = () => getHomeSummary({ db: h.db });
    log(`Read wait during publication on ${h.kind} (${h.location}), scale ${o.scale}, ${o.runs} runs`);
    let t = Date.now();
    await seedDemo(h.db, { scale: o.scale, seed: 20251001 });
    log(`  seed: ${s(Date.now() - t)}`);
    t = Date.now();
    await publish(); // the first publication, so the reads have published rows to read
    log(`  first publication: ${s(Date.now() - t)}`);
    const idle = await medianMs(read, 15);
    log(`  the read on an idle database: median ${idle.toFixed(1)} ms`);
    const longest: number[] = [];
    const totals: number[] = [];
    for (let i = 0; i < o.runs; i++) {
      // A request every PERIOD_MS, each timed from the moment it was due: while the event loop is
      // busy (PGlite runs in this thread) a request could not even have been read, and that counts.
      const waits: number[] = [];
      const reads: Promise<void>[] = [];
      const t0 = performance.now();
      let k = 0;
      const arrive = () => {
        for (let due = t0 + k * PERIOD_MS; due <= performance.now(); due = t0 + ++k * PERIOD_MS) {
          const at = due;
          reads.push(read().then(() => void waits.push(performance.now() - at)));
        }
      };
      const timer = setInterval(arrive, PERIOD_MS);
      const pub = await publish();
      const total = performance.now() - t0;
      arrive();
      clearInterval(timer);
      await Promise.all(reads);
      longest.push(Math.max(...waits));
      totals.push(total);
      log(
        `  run ${i + 1}: publication ${s(total)}; ${waits.length} reads, longest ${s(Math.max(...waits))}, median ${median(waits).toFixed(0)} ms`,
      );
      log(
        `    steps: ${Object.entries(pub.publisherMs)
          .map(([k, v]) => `${k} ${v} ms`)
          .join(", ")}`,
      );
    }
    log(
      `Longest read during a publication: median ${s(median(longest))} over ${o.runs} runs (${longest.map(s).join(", ")}); publication median ${s(median(totals))}; idle read ${idle.toFixed(1)} ms`,
    );
    return lines.join("\n");
  } finally {
    if (o.keep) {
      await h.close();
      console.error(`Kept ${h.location}`);
    } else await h.drop();
  }
}
