import "server-only";
// `daylight import` handed to the running portal: the file arrives as the request body, is imported
// in the portal's process, and flags and publication follow as jobs whose progress is streamed back.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { Db } from "@/db/client";
import { importFile } from "@/server/ingest/import-file";
import { city } from "@/lib/config/city";
import { limits } from "@/lib/ingest/limits";
import { DATASETS } from "@/lib/ingest/types";
import { appSecrets } from "@/lib/secrets";
import type { JobQueue } from "../jobs/types";
import { startStream, streamJob } from "./stream";

const flag = z
  .enum(["0", "1"])
  .optional()
  .transform((v) => v === "1");
const params = z.object({
  dataset: z.enum(DATASETS),
  fileName: z.string().min(1).max(255),
  kind: z.enum(["csv", "json"]).optional(),
  format: z.string().max(100).optional(),
  source: z
    .string()
    .regex(/^[a-z0-9._-]{1,100}$/i)
    .optional(),
  user: z
    .string()
    .regex(/^[\w.-]{1,64}$/)
    .default("unknown"),
  dryRun: flag,
  partial: flag,
  publish: flag,
});

export async function handleImport(
  o: { db: Db; queue: JobQueue },
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const parsed = params.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    res.writeHead(400, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        type: "error",
        message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      }) + "\n",
    );
    return;
  }
  const p = parsed.data;
  const c = city();
  const lim = limits();
  const write = startStream(res);
  const total = Number(req.headers["content-length"]) || undefined;
  let bytes = 0;
  let last = 0;
  async function* counted(): AsyncGenerator<Uint8Array> {
    for await (const chunk of req as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      if (Date.now() - last > 500) {
        last = Date.now();
        write({ type: "progress", bytes, total });
      }
      yield chunk;
    }
  }
  const r = await importFile(o.db, counted(), {
    dataset: p.dataset,
    fileName: p.fileName,
    format: p.format,
    kind: p.kind,
    dryRun: p.dryRun,
    partial: p.partial,
    source: p.source,
    maxBytes: lim.maxFileBytes,
    limits: lim,
    timeZone: c.timeZone,
    region: c.region,
    defaultAgency: c.lawEnforcementAgency,
    pseudonymKey: appSecrets().pseudonymKey,
    actor: { type: "cli", label: `cli:${p.user}` },
  });
  write({ type: "imported", result: r });
  if (r.status === "failed" || r.status === "dry_run" || !p.publish) return void res.end();
  await o.queue.enqueue("flags", { trigger: "import" });
  const id = await o.queue.enqueue("publish", { trigger: "import" });
  await streamJob(o.queue, id, res, write);
}
