// The per-person and per-plate rules as they were before the recompute streamed (commit 0b8a77d,
// lib/anomalies/baseline-rules.ts, camera-rules.ts and alpr-rules.ts): everyone's records in one list. Kept only as the
// reference the streaming rules must equal (tests/anomalies/streaming-rules.test.ts).
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { localMinutes, zonedParts } from "../../lib/time";
import { hasValue, type Activity, type AlprSearch, type CameraAccess, type Flag } from "../../lib/anomalies/types";
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
export function oldUnusualHours(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
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
export function oldVolumeSpike(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
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
/** Per access, the distinct cameras in the user's window ending at it, and where that window starts. */
function windows(list: CameraAccess[], windowMs: number): { size: Int32Array; start: Int32Array } {
  const size = new Int32Array(list.length);
  const start = new Int32Array(list.length);
  const counts = new Map<number, number>();
  let lo = 0;
  for (let hi = 0; hi < list.length; hi++) {
    counts.set(list[hi].cameraId, (counts.get(list[hi].cameraId) ?? 0) + 1);
    while (list[hi].startedAt.getTime() - list[lo].startedAt.getTime() > windowMs) {
      const c = counts.get(list[lo].cameraId)! - 1;
      if (c === 0) counts.delete(list[lo].cameraId);
      else counts.set(list[lo].cameraId, c);
      lo++;
    }
    size[hi] = counts.size;
    start[hi] = lo;
  }
  return { size, start };
}

/** The p-th percentile (nearest rank) of whole numbers. */
function percentileOf(values: Int32Array, p: number): number {
  if (values.length === 0) return 0;
  const sorted = Int32Array.from(values).sort();
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

/**
 * One user looking at far more different cameras within M minutes than they and their peers
 * usually do: every access inside such a window is flagged (browsing rather than following an
 * incident). A user's usual burst is a high percentile of the cameras in the window ending at each
 * of their accesses (with at least minOwnAccesses of them); their peers' is the median of the
 * usual bursts of the users with the same role. The limit is multiplier × the larger of the two,
 * never below maxCameras: a watch center that follows dozens of cameras every quarter hour is not
 * flagged for doing its job, one operator flicking through a dozen at 2 a.m. is.
 */
export function oldCameraBurst(accesses: (CameraAccess & { role?: string })[], cfg: AnomalyConfig): Flag[] {
  const { maxCameras, withinMinutes, usualPercentile, multiplier, minOwnAccesses } = cfg.cameraBurst;
  const windowMs = withinMinutes * 60_000;
  const byUser = new Map<number, CameraAccess[]>();
  const roleOf = new Map<number, string>();
  for (const a of accesses) {
    const list = byUser.get(a.personnelId);
    if (list) list.push(a);
    else byUser.set(a.personnelId, [a]);
    if (!roleOf.has(a.personnelId)) roleOf.set(a.personnelId, a.role ?? "");
  }
  const users = [...byUser].map(([personnelId, list]) => {
    list.sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    const w = windows(list, windowMs);
    const own = list.length >= minOwnAccesses ? percentileOf(w.size, usualPercentile) : null;
    return { personnelId, role: roleOf.get(personnelId)!, list, w, own };
  });
  const peerUsual = new Map<string, number[]>();
  for (const u of users) if (u.own !== null) peerUsual.set(u.role, [...(peerUsual.get(u.role) ?? []), u.own]);
  const peersOf = new Map([...peerUsual].map(([role, l]) => [role, median(l)]));

  const flags: Flag[] = [];
  for (const { list, w, own, role } of users) {
    const peers = peersOf.get(role) ?? null;
    const limit = Math.max(maxCameras, Math.floor(multiplier * Math.max(own ?? 0, peers ?? 0)));
    // Per access, the camera count of the last over-the-limit window that holds it (0: none).
    const burst = new Int32Array(list.length);
    for (let hi = 0; hi < list.length; hi++) if (w.size[hi] > limit) burst.fill(w.size[hi], w.start[hi], hi + 1);
    const usual =
      own !== null || peers !== null
        ? ` (usually ${[own !== null ? `up to ${own} for this user` : "", peers !== null ? `${peers} for their role` : ""].filter(Boolean).join(" and ")}; the limit is ${limit})`
        : ` (the limit is ${limit})`;
    list.forEach((a, i) => {
      if (burst[i] === 0) return;
      flags.push({
        recordType: "camera_access",
        recordId: a.id,
        rule: "camera_burst",
        occurredAt: a.startedAt,
        explanation: `This user opened ${burst[i]} different cameras within ${withinMinutes} minutes${usual}, which looks like browsing rather than following one incident.`,
        details: { cameras: burst[i], withinMinutes, limit, ownUsual: own, peerUsual: peers, maxCameras },
      });
    });
  }
  return flags;
}

/** The same plate (by its keyed hash) searched by at least minUsers different users within withinDays. */
export function oldSharedPlate(searches: AlprSearch[], cfg: AnomalyConfig): Flag[] {
  const { minUsers, withinDays } = cfg.sharedPlate;
  const windowMs = withinDays * 86_400_000;
  const byPlate = new Map<string, AlprSearch[]>();
  for (const s of searches) {
    if (!hasValue(s.plateHmac) || s.personnelId === undefined) continue;
    const list = byPlate.get(s.plateHmac!);
    if (list) list.push(s);
    else byPlate.set(s.plateHmac!, [s]);
  }
  const flags: Flag[] = [];
  for (const list of byPlate.values()) {
    if (list.length < minUsers) continue;
    list.sort((a, b) => a.searchedAt.getTime() - b.searchedAt.getTime());
    for (const s of list) {
      const t = s.searchedAt.getTime();
      const users = new Set(
        list.filter((o) => Math.abs(o.searchedAt.getTime() - t) <= windowMs).map((o) => o.personnelId),
      );
      if (users.size < minUsers) continue;
      flags.push({
        recordType: "alpr_search",
        recordId: s.id,
        rule: "shared_plate",
        occurredAt: s.searchedAt,
        explanation: `The same plate was searched by ${users.size} different users within ${withinDays} days of this search: check that each had a case, and that no one is tracking a person.`,
        details: { users: users.size, withinDays },
      });
    }
  }
  return flags;
}
