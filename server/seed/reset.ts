import "server-only";
// --reset: empties every demo, event, content and review table (and the demo accounts) so a
// fresh seed starts from id 1 again and gives the same rows.
import { getTableName, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import * as s from "../../db/schema";

export const SEEDED_TABLES = [
  s.areas,
  s.programs,
  s.agencies,
  s.personnel,
  s.callCategories,
  s.baselineResponses,
  s.droneDocks,
  s.droneAircraft,
  s.droneFlights,
  s.cameras,
  s.cameraAccessEvents,
  s.alprDailyCounts,
  s.alprSearches,
  s.sharingAgreements,
  s.csoActivities,
  s.programUpdates,
  s.policyVersions,
  s.budgetItems,
  s.initiatives,
  s.milestones,
  s.metricTargets,
  s.councilMeetings,
  s.agendaItems,
  s.councilVotes,
  s.feedback,
  s.prioritizationWeights,
];
const REVIEW_TABLES = [s.anomalyFlags, s.reviewQueue, s.reviewQueueGroups, s.reviewActions, s.findings];

export async function resetDemoData(tx: DbOrTx): Promise<void> {
  const names = [...SEEDED_TABLES, ...REVIEW_TABLES].map((t) => `"${getTableName(t)}"`).join(", ");
  // CASCADE also empties tables that reference these (e.g. published rows keyed to areas).
  await tx.execute(sql.raw(`truncate table ${names} restart identity cascade`));
  await tx.delete(s.users).where(sql`${s.users.isDemo} = true`);
}
