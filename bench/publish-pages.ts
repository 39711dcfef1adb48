// The publication benchmark: seed a throwaway database, time publication and every public page's
// queries (medians), and compare with the naive queries over raw tables.
// Targets: pages < 100 ms server time, publication < 60 s.
import { randomBytes } from "node:crypto";
import { seedDemo } from "../db/seed";
import { city } from "../lib/config/city";
import { runPublish } from "../lib/publish/run";
import { medianMs } from "./measure";
import { throwawayDb } from "./throwaway-db";
import { workloads } from "./workloads";

export async function benchPublishPages(o: { url?: string; scale: number; runs: number; keep?: boolean }): Promise<string> {
  const h = await throwawayDb(o.url);
  const lines: string[] = [];
  const log = (s: string) => { lines.push(s); console.error(s); };
  try {
    log(`Publication benchmark on ${h.kind} (${h.location}), scale ${o.scale}, median of ${o.runs} runs per page`);
    let t = Date.now();
    const seeded = await seedDemo(h.db, { scale: o.scale, seed: 20251001 });
    log(`  seed: ${((Date.now() - t) / 1000).toFixed(1)} s (drone_flights ${seeded.counts.drone_flights?.toLocaleString("en-US")}, camera_access_events ${seeded.counts.camera_access_events?.toLocaleString("en-US")})`);
    t = Date.now();
    const pub = await runPublish(h.db, { pseudonymKey: randomBytes(24).toString("base64url"), timeZone: city().timeZone, trigger: "bench" });
    const publishS = (Date.now() - t) / 1000;
    log(`  publish: ${publishS.toFixed(1)} s (target < 60 s: ${publishS < 60 ? "met" : "NOT met"}); by publisher: ${Object.entries(pub.publisherMs).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}`);
    for (const w of await workloads(h.db, city().timeZone)) {
      const ms = await medianMs(() => w.run(h.db), o.runs);
      const naive = w.naive ? await medianMs(() => w.naive!(h.db), Math.min(o.runs, 5)) : undefined;
      log(`  ${w.name}: ${ms.toFixed(1)} ms (${ms < 100 ? "met" : "NOT met"})${naive !== undefined ? `; naive query over raw tables ${naive.toFixed(1)} ms = ${(naive / ms).toFixed(1)}x` : ""}`);
    }
    return lines.join("\n");
  } finally {
    if (!o.keep) await h.drop();
    else await h.close();
  }
}
