// Opening the database from the CLI: the same client as the server, with a clear error
// when the embedded database is held by a running portal.
import { openDb, type DbHandle } from "../db/client";
import { DatabaseBusyError } from "../db/lock";
import { env } from "../lib/env";
import { CliError } from "./errors";

export async function withDb<T>(
  command: string,
  fn: (h: DbHandle) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  let handle: DbHandle;
  try {
    const e = env();
    handle = await openDb({
      url: e.DATABASE_URL,
      ownerUrl: e.DATABASE_OWNER_URL,
      holder: `daylight ${command} (pid ${process.pid})`,
    });
  } catch (e) {
    if (e instanceof DatabaseBusyError) throw new CliError(e.message, 2);
    throw new CliError(`Cannot open the database: ${(e as Error).message}`);
  }
  try {
    if (opts.migrate !== false) await handle.migrate();
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
