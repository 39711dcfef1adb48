// Which version of a policy is in force on a day: the newest one whose effective date has come. A
// version adopted for a later date is scheduled ("takes effect on …") and the one before it stays
// current until then.
import { compareVersions } from "./policy-files";

export type DatedVersion = { version: string; effectiveDate: string };

export function versionsOnDay<V extends DatedVersion>(history: V[], today: string): { current: V; scheduled: V[] } {
  const byVersion = [...history].sort((a, b) => compareVersions(b.version, a.version));
  const inForce = byVersion.filter((v) => v.effectiveDate <= today);
  // Nothing in force yet (every version is in the future): the earliest is shown as the current text.
  const current = inForce[0] ?? byVersion[byVersion.length - 1];
  const scheduled = byVersion
    .filter((v) => v.effectiveDate > today && compareVersions(v.version, current.version) > 0)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return { current, scheduled };
}
