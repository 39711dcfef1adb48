// Rules over camera and watch-center access records. Each returns flags with a plain-words reason.
import type { AnomalyConfig } from "./config";
import { distanceM } from "./geo";
import { hasValue, type Camera, type CameraAccess, type Flag, type SensitiveSite } from "./types";

const OP_WORDS: Record<CameraAccess["operation"], string> = {
  live_view: "viewed live video",
  playback: "played back recorded video",
  export: "exported video",
  share: "shared video",
};

/**
 * Playback, export or share with no case number: one flag per record, naming what happened
 * ("exported video", "shared video with an outside agency").
 */
export function noCaseNumber(a: CameraAccess, cfg: AnomalyConfig): Flag | null {
  if (hasValue(a.caseNumber)) return null;
  const leaves = a.operation === "export" || a.operation === "share" || a.sharedWithAgencyId !== null;
  if (!leaves && !cfg.noCaseNumber.cameraOperations.includes(a.operation)) return null;
  const what =
    a.sharedWithAgencyId !== null
      ? "shared video with an outside agency"
      : a.operation === "share"
        ? "shared video (sent a copy or link outside the system)"
        : a.operation === "export"
          ? "exported video (copied it out of the system)"
          : OP_WORDS[a.operation];
  return {
    recordType: "camera_access",
    recordId: a.id,
    rule: "no_case_number",
    occurredAt: a.startedAt,
    explanation: `The user ${what} without entering a case number, so the access cannot be tied to an investigation.`,
    details: { operation: a.operation, sharedWithAgencyId: a.sharedWithAgencyId, leftTheSystem: leaves },
  };
}

type Timed = { cameraId: number; startedAt: Date };

/** Per access, the distinct cameras in the user's window ending at it, and where that window starts. */
function windows(list: Timed[], windowMs: number): { size: Int32Array; start: Int32Array } {
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

const byTime = (x: Timed, y: Timed) => x.startedAt.getTime() - y.startedAt.getTime();

/**
 * What camera_burst needs of one user once their role's usual burst is known: their own usual
 * burst (null below minOwnAccesses), the windows that can be over their limit (more cameras than
 * the limit their own usual burst alone sets, as the role's can only raise it), and the accesses
 * inside those windows, by position in the user's time order. Usually a few windows, not the
 * user's every access.
 */
export type UserBurst = {
  own: number | null;
  /** Ascending by end: the window of accesses start..end (positions) holds `size` cameras. */
  windows: { start: number; end: number; size: number }[];
  accesses: Map<number, { id: number; startedAt: Date }>;
};

/** One user's accesses, in time order (ties in the order they were recorded), reduced to a UserBurst. */
export function userBurst(list: (Timed & { id: number })[], cfg: AnomalyConfig): UserBurst {
  const { withinMinutes, usualPercentile, minOwnAccesses } = cfg.cameraBurst;
  const w = windows(list, withinMinutes * 60_000);
  const own = list.length >= minOwnAccesses ? percentileOf(w.size, usualPercentile) : null;
  const floor = burstLimit(own, null, cfg);
  const out: UserBurst = { own, windows: [], accesses: new Map() };
  // Windows start no earlier than the one before: each access is kept once.
  let kept = -1;
  for (let end = 0; end < list.length; end++) {
    if (w.size[end] <= floor) continue;
    out.windows.push({ start: w.start[end], end, size: w.size[end] });
    for (let i = Math.max(w.start[end], kept + 1); i <= end; i++)
      out.accesses.set(i, { id: list[i].id, startedAt: list[i].startedAt });
    kept = end;
  }
  return out;
}

/** Per role, the median of the usual bursts of its users who have one of their own. */
export function peerBursts(users: Iterable<{ role: string; own: number | null }>): Map<string, number> {
  const usual = new Map<string, number[]>();
  for (const u of users) if (u.own !== null) usual.set(u.role, [...(usual.get(u.role) ?? []), u.own]);
  return new Map([...usual].map(([role, l]) => [role, median(l)]));
}

/** The limit a user's windows are held to: multiplier × the larger usual burst, never below maxCameras. */
export function burstLimit(own: number | null, peers: number | null, cfg: AnomalyConfig): number {
  const { maxCameras, multiplier } = cfg.cameraBurst;
  return Math.max(maxCameras, Math.floor(multiplier * Math.max(own ?? 0, peers ?? 0)));
}

/** One user's camera_burst flags, given their role's usual burst. */
export function userBurstFlags(u: UserBurst, peers: number | null, cfg: AnomalyConfig): Flag[] {
  const { withinMinutes, maxCameras } = cfg.cameraBurst;
  const { own } = u;
  const limit = burstLimit(own, peers, cfg);
  // Per access, the camera count of the last over-the-limit window that holds it (none: not flagged).
  const burst = new Map<number, number>();
  for (const w of u.windows) if (w.size > limit) for (let i = w.start; i <= w.end; i++) burst.set(i, w.size);
  if (burst.size === 0) return [];
  const usual =
    own !== null || peers !== null
      ? ` (usually ${[own !== null ? `up to ${own} for this user` : "", peers !== null ? `${peers} for their role` : ""].filter(Boolean).join(" and ")}; the limit is ${limit})`
      : ` (the limit is ${limit})`;
  return [...burst.keys()]
    .sort((a, b) => a - b)
    .map((i): Flag => {
      const a = u.accesses.get(i)!;
      return {
        recordType: "camera_access",
        recordId: a.id,
        rule: "camera_burst",
        occurredAt: a.startedAt,
        explanation: `This user opened ${burst.get(i)} different cameras within ${withinMinutes} minutes${usual}, which looks like browsing rather than following one incident.`,
        details: { cameras: burst.get(i), withinMinutes, limit, ownUsual: own, peerUsual: peers, maxCameras },
      };
    });
}

/**
 * One user looking at far more different cameras within M minutes than they and their peers
 * usually do: every access inside such a window is flagged (browsing rather than following an
 * incident). A user's usual burst is a high percentile of the cameras in the window ending at each
 * of their accesses (with at least minOwnAccesses of them); their peers' is the median of the
 * usual bursts of the users with the same role (a user's role: that of their first access). The
 * limit is multiplier × the larger of the two, never below maxCameras: a watch center that follows
 * dozens of cameras every quarter hour is not flagged for doing its job, one operator flicking
 * through a dozen at 2 a.m. is. This is the whole rule over a list in memory; the recompute runs
 * the same steps (userBurst one user at a time, then peerBursts and userBurstFlags).
 */
export function cameraBurst(accesses: (CameraAccess & { role?: string })[], cfg: AnomalyConfig): Flag[] {
  const byUser = new Map<number, CameraAccess[]>();
  const roleOf = new Map<number, string>();
  for (const a of accesses) {
    const list = byUser.get(a.personnelId);
    if (list) list.push(a);
    else byUser.set(a.personnelId, [a]);
    if (!roleOf.has(a.personnelId)) roleOf.set(a.personnelId, a.role ?? "");
  }
  const users = [...byUser].map(([personnelId, list]) => ({
    role: roleOf.get(personnelId)!,
    ...userBurst(list.sort(byTime), cfg),
  }));
  const peersOf = peerBursts(users);
  const flags: Flag[] = [];
  for (const u of users) for (const f of userBurstFlags(u, peersOf.get(u.role) ?? null, cfg)) flags.push(f);
  return flags;
}

/** Cameras within a sensitive site's radius (plus a configurable buffer). */
export function camerasNearSites(
  cameras: Camera[],
  sites: SensitiveSite[],
  cfg: AnomalyConfig,
): Map<number, { site: SensitiveSite; distanceM: number }> {
  const near = new Map<number, { site: SensitiveSite; distanceM: number }>();
  for (const c of cameras) {
    for (const s of sites) {
      const d = distanceM(c, s);
      if (d <= s.radiusM + cfg.sensitiveSites.extraBufferM && (!near.has(c.id) || d < near.get(c.id)!.distanceM))
        near.set(c.id, { site: s, distanceM: d });
    }
  }
  return near;
}

export function sensitiveSite(
  a: CameraAccess,
  near: Map<number, { site: SensitiveSite; distanceM: number }>,
  cfg: AnomalyConfig,
): Flag | null {
  const hit = near.get(a.cameraId);
  if (!hit) return null;
  if (cfg.sensitiveSites.onlyWithoutCase && hasValue(a.caseNumber)) return null;
  return {
    recordType: "camera_access",
    recordId: a.id,
    rule: "sensitive_site",
    occurredAt: a.startedAt,
    explanation: `The user ${OP_WORDS[a.operation]} from a camera about ${Math.round(hit.distanceM)} m from ${hit.site.name} (a ${hit.site.kind} site)${hasValue(a.caseNumber) ? "" : " with no case number"}; people's visits there deserve extra protection.`,
    details: { site: hit.site.name, kind: hit.site.kind, distanceM: Math.round(hit.distanceM) },
  };
}
