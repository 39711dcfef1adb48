import "server-only";
// The well-being strategy page: phases and engagement themes as staff wrote them (public as written).
import { asc, desc } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { engagementThemes, strategyPhases } from "@/db/schema/content";

type Opts = { db?: DbOrTx };

export async function listStrategyPhases(o: Opts = {}) {
  const db = o.db ?? (await getDb());
  return db.select().from(strategyPhases).orderBy(asc(strategyPhases.startsOn));
}

export async function listEngagementThemes(o: Opts = {}) {
  const db = o.db ?? (await getDb());
  return db.select().from(engagementThemes).orderBy(desc(engagementThemes.comments), asc(engagementThemes.theme));
}
