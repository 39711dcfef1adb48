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

/**
 * One user looking at more than N different cameras within M minutes: every access inside
 * such a window is flagged (a sign of browsing rather than following an incident).
 */
export function cameraBurst(accesses: CameraAccess[], cfg: AnomalyConfig): Flag[] {
  const { maxCameras, withinMinutes } = cfg.cameraBurst;
  const windowMs = withinMinutes * 60_000;
  const byUser = new Map<number, CameraAccess[]>();
  for (const a of accesses) {
    const list = byUser.get(a.personnelId);
    if (list) list.push(a);
    else byUser.set(a.personnelId, [a]);
  }
  const flags: Flag[] = [];
  for (const list of byUser.values()) {
    list.sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
    // Per access, the camera count of the last over-the-limit window that holds it (0: none).
    const burst = new Int32Array(list.length);
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
      if (counts.size > maxCameras) burst.fill(counts.size, lo, hi + 1);
    }
    list.forEach((a, i) => {
      if (burst[i] === 0) return;
      flags.push({
        recordType: "camera_access",
        recordId: a.id,
        rule: "camera_burst",
        occurredAt: a.startedAt,
        explanation: `This user opened ${burst[i]} different cameras within ${withinMinutes} minutes (the limit is ${maxCameras}), which looks like browsing rather than following one incident.`,
        details: { cameras: burst[i], withinMinutes, maxCameras },
      });
    });
  }
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
