// PGlite is single-process: a lock file next to the data directory makes a second opener
// fail with a clear message instead of corrupting the database.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

export class DatabaseBusyError extends Error {}

export type DataDirLock = { release(): void };

/** Lock files this process holds: a second open in the same process is refused too. */
const heldHere = new Set<string>();

type LockInfo = { pid: number; holder: string; since: string };

export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  const file = `${path.resolve(dataDir)}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  if (heldHere.has(file)) {
    throw new DatabaseBusyError(
      `The embedded database in ${dataDir} is already open in this process. PGlite allows one connection at a time.`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      const info: LockInfo = { pid: process.pid, holder, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        process.off("exit", release);
        try {
          const now = JSON.parse(readFileSync(file, "utf8")) as LockInfo;
          if (now.pid === process.pid) rmSync(file, { force: true });
        } catch {
          /* already gone */
        }
      };
      process.on("exit", release);
      return { release };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const info = readLock(file);
      if (info && (info.pid === process.pid ? heldHere.has(file) : isAlive(info.pid))) {
        throw new DatabaseBusyError(
          `The embedded database in ${dataDir} is in use by ${info.holder} (pid ${info.pid}, since ${info.since}). ` +
            `PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use a Postgres server.`,
        );
      }
      // Stale lock from a process that died: take it over.
      rmSync(file, { force: true });
    }
  }
  throw new DatabaseBusyError(`Could not lock the embedded database in ${dataDir}`);
}

function readLock(file: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as LockInfo;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
