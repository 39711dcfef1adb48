// What staff are told after saving a program update. A scheduled update is not public until its
// time, so it says when it will appear instead of linking to a page that is a 404 until then.
import { formatInstant } from "../time";

export type UpdateNotice = { message: string; link?: { href: string; label: string } };

export function savedUpdateNotice(
  u: { status: string; slug: string; publishAt: Date | null },
  now: Date,
  timeZone: string,
): UpdateNotice {
  if (u.status === "draft") return { message: "Draft saved. It is not on the public site." };
  const link = { href: `/updates/${u.slug}`, label: "See it on the public site" };
  if (u.status === "scheduled" && u.publishAt && u.publishAt > now)
    return {
      message: `Scheduled. It will appear on the public site on ${formatInstant(u.publishAt, timeZone)}.`,
    };
  if (u.status === "scheduled") return { message: "Scheduled, and its time has come: it is on the public site.", link };
  return { message: "Published.", link };
}
