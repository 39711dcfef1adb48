// Per-person baselines: a user's own usual hours and volume, and their role's, instead of fixed
// windows that mean nothing in a watch center staffed around the clock.
import type { AnomalyConfig } from "./config";
import { localMinutes, zonedParts } from "../time";
import type { Activity, Flag } from "./types";

const WHAT: Record<Activity["recordType"], string> = {
  camera_access: "camera access",
  alpr_search: "plate search",
  drone_flight: "flight",
};

function hourShares(list: Activity[], timeZone: string): Float64Array {
  const h = new Float64Array(24);
  for (const a of list) h[Math.floor(localMinutes(a.at, timeZone) / 60)]++;
  const smooth = new Float64Array(24);
  for (let i = 0; i < 24; i++) smooth[i] = (h[(i + 23) % 24] + h[i] + h[(i + 1) % 24]) / 3 / Math.max(1, list.length);
  return smooth;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * A record at an hour (±1) that holds less than maxShare of the user's own records and of their
 * role's. A round-the-clock operator at 3 a.m. is not flagged; an analyst who never works nights is.
 */
export function unusualHours(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
  const { maxShare, minOwnRecords } = cfg.unusualHours;
  const group = <K>(key: (a: Activity) => K) => {
    const m = new Map<K, Activity[]>();
    for (const a of activity) {
      const k = key(a);
      const l = m.get(k);
      if (l) l.push(a);
      else m.set(k, [a]);
    }
    return m;
  };
  const byRole = new Map([...group((a) => a.role)].map(([r, l]) => [r, hourShares(l, timeZone)]));
  const flags: Flag[] = [];
  for (const list of group((a) => a.personnelId).values()) {
    const own = list.length >= minOwnRecords ? hourShares(list, timeZone) : null;
    for (const a of list) {
      const hour = Math.floor(localMinutes(a.at, timeZone) / 60);
      const peers = byRole.get(a.role)![hour];
      const mine = own ? own[hour] : null;
      if (peers >= maxShare || (mine !== null && mine >= maxShare)) continue;
      const label = `${String(hour).padStart(2, "0")}:00`;
      flags.push({
        recordType: a.recordType,
        recordId: a.id,
        rule: "unusual_hours",
        occurredAt: a.at,
        explanation: `This ${WHAT[a.recordType]} happened around ${label}, an hour that holds ${mine !== null ? `${pct(mine)} of this user's records and ` : ""}${pct(peers)} of their role's (the threshold is ${pct(maxShare)}).`,
        details: { hour, ownShare: mine, peerShare: peers, role: a.role },
      });
    }
  }
  return flags;
}

/** Local calendar day as YYYY-MM-DD. */
function dayKey(at: Date, timeZone: string): string {
  const p = zonedParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/**
 * Days on which a user made far more records of one kind than on their own usual active day:
 * more than multiplier × their median and at least minExtra above it. Each record of that day is flagged.
 */
export function volumeSpike(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
  const { multiplier, minExtra, minActiveDays } = cfg.volumeSpike;
  const days = new Map<string, Map<string, Activity[]>>();
  for (const a of activity) {
    const k = `${a.personnelId}|${a.recordType}`;
    let m = days.get(k);
    if (!m) days.set(k, (m = new Map<string, Activity[]>()));
    const d = dayKey(a.at, timeZone);
    const l = m.get(d);
    if (l) l.push(a);
    else m.set(d, [a]);
  }
  const flags: Flag[] = [];
  for (const perDay of days.values()) {
    if (perDay.size < minActiveDays) continue;
    const counts = [...perDay.values()].map((l) => l.length).sort((x, y) => x - y);
    const median = counts[Math.floor((counts.length - 1) / 2)];
    const limit = Math.max(median * multiplier, median + minExtra);
    for (const [day, list] of perDay) {
      if (list.length <= limit) continue;
      for (const a of list)
        flags.push({
          recordType: a.recordType,
          recordId: a.id,
          rule: "volume_spike",
          occurredAt: a.at,
          explanation: `On ${day} this user made ${list.length} ${WHAT[a.recordType]}${a.recordType === "alpr_search" ? "es" : "s"}; on a usual working day they make ${median}.`,
          details: { day, count: list.length, median, limit },
        });
    }
  }
  return flags;
}
