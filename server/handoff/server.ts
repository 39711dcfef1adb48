import "server-only";
// The CLI's way in while the portal holds the embedded database (PGlite allows one process): a
// small HTTP endpoint bound to 127.0.0.1 on a random port, refusing any non-loopback caller, and
// authenticated by a random token written with the port to a 0600 file in the data directory.
// `daylight import | publish | flags` read the file and hand their work to the running portal.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Db } from "@/db/client";
import type { JobQueue } from "../jobs/types";
import { checkToken, isLoopback } from "./auth";
import { HANDOFF_FILE, type HandoffInfo } from "./file";
import { handleImport } from "./import";
import { streamJob } from "./stream";

export type HandoffOptions = { db: Db; queue: JobQueue; dataDir: string; host?: string };

export function handoffHandler(o: { db: Db; queue: JobQueue; token: string }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const send = (status: number, message: string) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ type: "error", message }) + "\n");
    };
    try {
      if (!isLoopback(req.socket.remoteAddress)) return send(403, "This endpoint answers only on this machine.");
      if (!checkToken(req.headers.authorization, o.token)) return send(401, "Wrong or missing hand-off token.");
      if (req.method !== "POST") return send(405, "Use POST.");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const job = /^\/jobs\/(publish|flags)$/.exec(url.pathname)?.[1];
      if (job) {
        const trigger = url.searchParams.get("trigger") ?? "cli";
        if (!/^[a-z0-9_-]{1,40}$/.test(trigger)) return send(400, "trigger must be a short word");
        const id = await o.queue.enqueue(job, { trigger });
        return streamJob(o.queue, id, res);
      }
      if (url.pathname === "/import") return await handleImport(o, url, req, res);
      return send(404, "No such hand-off.");
    } catch (e) {
      if (!res.headersSent) send(500, `The portal could not do it: ${(e as Error).message}`);
      else res.end(JSON.stringify({ type: "failed", error: (e as Error).message }) + "\n");
    }
  };
}

/** Starts the endpoint and writes its file; stopping removes both. */
export async function startHandoffServer(
  o: HandoffOptions,
): Promise<{ server: Server; info: HandoffInfo; stop(): Promise<void> }> {
  const token = randomBytes(32).toString("base64url");
  const server = createServer((req, res) => void handoffHandler({ db: o.db, queue: o.queue, token })(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, o.host ?? "127.0.0.1", resolve);
  });
  server.unref();
  const info: HandoffInfo = { port: (server.address() as AddressInfo).port, token, pid: process.pid };
  const file = path.resolve(o.dataDir, HANDOFF_FILE);
  mkdirSync(path.dirname(file), { recursive: true });
  rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  chmodSync(file, 0o600);
  const remove = () => {
    try {
      if ((JSON.parse(readFileSync(file, "utf8")) as HandoffInfo).token === token) rmSync(file, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.once("exit", remove);
  return {
    server,
    info,
    stop: async () => {
      remove();
      process.off("exit", remove);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
