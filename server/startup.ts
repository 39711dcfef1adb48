import "server-only";
// What a restart used to do in a separate `daylight setup` process before serving (about 8 s of
// opening and migrating PGlite twice): the server already opens and migrates the database, so it
// also brings the city's reference data up to date with its config and checkpoints the audit
// chain, in the background, while it serves.
import { dbHandle } from "@/db/client";
import { city } from "@/lib/config/city";
import { takeCheckpoint } from "./audit/checkpoint";
import { setUpCity } from "./setup";

export async function prepareOnStart(): Promise<void> {
  const c = city();
  const { db } = await dbHandle();
  const changes = await setUpCity(db, c, "daylight server start");
  if (changes.length) console.log(`Reference data for ${c.name}: ${changes.length} change(s) from its config.`);
  await takeCheckpoint(db, { timeZone: c.timeZone });
}
