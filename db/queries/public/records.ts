import "server-only";
// One published camera access or plate-reader search by its public id (the permalink of its
// record page), from the published tables only.
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubAlprSearches, pubCameraAccesses } from "@/db/schema";
import type { PubSearch } from "./alpr";
import type { PubAccess } from "./cameras";

type Opts = { db?: DbOrTx; publicId: string };

export async function getPublicAccess(o: Opts): Promise<PubAccess | null> {
  const db = o.db ?? (await getDb());
  const [row] = await db.select().from(pubCameraAccesses).where(eq(pubCameraAccesses.publicId, o.publicId)).limit(1);
  return row ?? null;
}

export async function getPublicSearch(o: Opts): Promise<PubSearch | null> {
  const db = o.db ?? (await getDb());
  const [row] = await db.select().from(pubAlprSearches).where(eq(pubAlprSearches.publicId, o.publicId)).limit(1);
  return row ?? null;
}
