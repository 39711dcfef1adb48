// A complaint's public status history: "Received" when filed, then each status staff gave it with
// the date (the recorded changes, oldest first). A message triaged before changes were recorded
// falls back to the dates the record keeps: received, then resolved or closed without action.
import { statusLabels } from "./feedback";

/** status: the status key ("new" for Received), for a page that words it in its own language. */
export type StatusStep = { status: string; label: string; at: Date | null; current: boolean };
export type StatusChange = { status: string; at: Date };

export function statusHistory(
  c: { status: string; createdAt: Date; resolvedAt: Date | null },
  changes: StatusChange[] = [],
): StatusStep[] {
  const label = (s: string) => statusLabels[s] ?? s;
  if (changes.length > 0) {
    const steps: StatusStep[] = [{ status: "new", label: "Received", at: c.createdAt, current: false }];
    for (const ch of [...changes].sort((a, b) => a.at.getTime() - b.at.getTime()))
      steps.push({ status: ch.status, label: label(ch.status), at: ch.at, current: false });
    steps[steps.length - 1].current = true;
    return steps;
  }
  const steps: StatusStep[] = [{ status: "new", label: "Received", at: c.createdAt, current: c.status === "new" }];
  if (c.status === "new") return steps;
  if (c.status === "triaged" || c.status === "in_progress") {
    steps.push({ status: c.status, label: label(c.status), at: null, current: true });
    return steps;
  }
  steps.push({ status: c.status, label: label(c.status), at: c.resolvedAt, current: true });
  return steps;
}
