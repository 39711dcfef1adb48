// A complaint's public status history from the dates the record keeps: received, then (when staff
// closed it) resolved or closed without action, with the public outcome line.
import { statusLabels } from "./feedback";

export type StatusStep = { label: string; at: Date | null; current: boolean };

export function statusHistory(c: { status: string; createdAt: Date; resolvedAt: Date | null }): StatusStep[] {
  const steps: StatusStep[] = [{ label: "Received", at: c.createdAt, current: c.status === "new" }];
  if (c.status === "new") return steps;
  if (c.status === "triaged" || c.status === "in_progress") {
    steps.push({ label: statusLabels[c.status], at: null, current: true });
    return steps;
  }
  steps.push({ label: statusLabels[c.status] ?? c.status, at: c.resolvedAt, current: true });
  return steps;
}
