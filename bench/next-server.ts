// The production Next.js server for the page benchmark: `node scripts/start.mjs --skip-setup` (which
// builds first only when there is no build) in its own process group, so stopping it stops
// `next start` too, also when the bench fails or is interrupted.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type NextServer = { baseUrl: string; output(): string; stop(): Promise<void>; interrupted(): boolean };

/** Where the server finds its data: a Postgres URL, or the directory holding `pglite/`. */
export type ServerDb = { url: string } | { dataDir: string };

const OUTPUT_KEEP = 20_000;

export async function startNextServer(o: { db: ServerDb; port: number; log(s: string): void }): Promise<NextServer> {
  const root = process.cwd();
  if (!existsSync(path.join(root, "scripts/start.mjs")))
    throw new Error(`scripts/start.mjs not found in ${root}: run the bench from the repository root`);
  if (await portAnswers(o.port))
    throw new Error(`port ${o.port} is already in use: stop what listens there, or pass --http-port`);
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const buildId = path.join(root, distDir, "BUILD_ID");
  const built = existsSync(buildId);
  if (!built) o.log("  no production build found: scripts/start.mjs builds one first (a minute or two)");
  else
    o.log(
      `  serving the build in ${distDir} from ${statSync(buildId).mtime.toISOString()} (\`npm run build\` after changing code)`,
    );
  // Secrets (session key, pseudonym key) are generated into the data directory, as on a fresh machine.
  const ownDataDir = "url" in o.db ? mkdtempSync(path.join(tmpdir(), "daylight-bench-server-")) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production", // what `next start` runs as, whatever the bench itself runs with
    PORT: String(o.port),
    DATABASE_URL: "url" in o.db ? o.db.url : "",
    DAYLIGHT_DATA_DIR: "url" in o.db ? ownDataDir : o.db.dataDir,
    DAYLIGHT_API_RATE_LIMIT: "1000000",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const child = spawn(process.execPath, ["scripts/start.mjs", "--skip-setup"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const keep = (b: Buffer) => {
    out = (out + b.toString("utf8")).slice(-OUTPUT_KEEP);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const closed = new Promise<void>((resolve) => child.on("close", () => resolve()));
  let exited = false;
  child.on("exit", () => {
    exited = true;
  });

  const killGroup = (sig: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
    } catch {
      /* already gone */
    }
  };
  const onExit = () => killGroup("SIGKILL");
  // Ctrl-C reaches only our process group: stop the server, and the request in flight fails, so the
  // bench unwinds through its finally blocks (dropping the database). A second signal exits at once.
  let interrupted = false;
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) process.exit(sig === "SIGINT" ? 130 : 143);
    interrupted = true;
    killGroup("SIGTERM");
  };
  process.on("exit", onExit);
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      killGroup("SIGTERM");
      if (!(await within(closed, 10_000))) {
        killGroup("SIGKILL");
        await within(closed, 5_000);
      }
      process.off("exit", onExit);
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
    })());

  const baseUrl = `http://127.0.0.1:${o.port}`;
  const server: NextServer = { baseUrl, output: () => out, stop, interrupted: () => interrupted };
  try {
    const deadline = Date.now() + (built ? 120_000 : 15 * 60_000);
    for (;;) {
      if (interrupted) throw new Error("interrupted");
      if (exited) throw new Error(`the server exited before it was ready:\n${tail(out)}`);
      if (Date.now() > deadline)
        throw new Error(`the server did not answer ${baseUrl}/api/health in time:\n${tail(out)}`);
      try {
        const r = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) });
        await r.arrayBuffer();
        if (r.status === 200) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return server;
}

export function tail(s: string, lines = 30): string {
  return s.trimEnd().split("\n").slice(-lines).join("\n");
}

function within(p: Promise<void>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    void p.then(() => {
      clearTimeout(t);
      resolve(true);
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: "127.0.0.1" });
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}
