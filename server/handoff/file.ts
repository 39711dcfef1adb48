import "server-only";
// Where the running portal leaves the hand-off endpoint's port and token for the CLI.
import { readFileSync } from "node:fs";
import path from "node:path";

export const HANDOFF_FILE = "portal-handoff.json";
export type HandoffInfo = { port: number; token: string; pid: number };

/** The running portal's hand-off, if one is running on this data directory. */
export function readHandoff(dataDir: string): HandoffInfo | undefined {
  let info: HandoffInfo;
  try {
    info = JSON.parse(readFileSync(path.resolve(dataDir, HANDOFF_FILE), "utf8")) as HandoffInfo;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(info.port) || typeof info.token !== "string" || !Number.isInteger(info.pid)) return undefined;
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return undefined; // a portal that died
  }
  return info;
}
