// Per-call published rows: public id, rounded time, category, source, generalized place,
// response and clear times, outcome, referrals and evidence flags. Sensitive calls keep only
// the day, the category, the source, a resolution-7 cell and the evidence flags.
import { sql } from "drizzle-orm";
import { getResolution } from "h3-js";
import type { DbOrTx } from "../../db/client";
import { pubCsoCalls } from "../../db/schema";
import type { SourceCall } from "./cso-source";
import type { Generalization } from "./rules/h3";
import { publicId } from "./rules/public-id";
import { localDate, localHour, localWeekStart, publicTime } from "./rules/time";
import { insertJsonRows } from "../../db/sql";

type Row = typeof pubCsoCalls.$inferInsert;

export const minutesBetween = (a: Date, b: Date | null) => (b ? Math.round((b.getTime() - a.getTime()) / 6000) / 10 : null);

export function toPublicCall(c: SourceCall, key: string, timeZone: string, cells: Generalization): Row {
  const t = publicTime(c.receivedAt, timeZone, c.sensitive);
  const cell = c.lat !== null && c.lon !== null ? cells.cellFor({ lat: c.lat, lon: c.lon, sensitive: c.sensitive }) : null;
  return {
    publicId: publicId("c", c.source, c.externalId, key),
    receivedAt: t.at,
    timePrecision: t.precision,
    localDate: localDate(c.receivedAt, timeZone),
    weekStart: localWeekStart(c.receivedAt, timeZone),
    localHour: c.sensitive ? null : localHour(c.receivedAt, timeZone),
    category: c.category,
    categoryLabel: c.label,
    sensitive: c.sensitive,
    callSource: c.callSource,
    areaSlug: c.sensitive ? null : c.areaSlug,
    areaName: c.sensitive ? null : c.areaName,
    h3Cell: cell,
    h3Res: cell ? getResolution(cell) : null,
    responseMin: c.sensitive ? null : minutesBetween(c.receivedAt, c.onSceneAt),
    clearMin: c.sensitive ? null : minutesBetween(c.receivedAt, c.clearedAt),
    outcome: c.sensitive ? null : c.outcome,
    referrals: c.sensitive ? null : c.referrals,
    reportWritten: c.reportWritten,
    fingerprintsCollected: c.fingerprintsCollected,
    dnaCollected: c.dnaCollected,
    swornBackupRequested: c.swornBackupRequested,
  };
}

/** Writes the published calls into `table` (the call log's table being rebuilt). */
export async function publishCalls(tx: DbOrTx, table: string, calls: SourceCall[], key: string, timeZone: string, cells: Generalization): Promise<number> {
  const rows = calls.map((c) => toPublicCall(c, key, timeZone, cells));
  await insertJsonRows(tx, pubCsoCalls, rows, { into: table });
  return rows.length;
}
