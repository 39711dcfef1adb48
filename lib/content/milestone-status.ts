// A milestone's state from its dates and today's date, so one past its due date never reads as
// upcoming: done (on time or late), late (due date passed, not done), upcoming, or not scheduled.
export type MilestoneState = "done" | "done_late" | "late" | "upcoming" | "unscheduled";

export function milestoneState(m: { dueDate: string | null; completedDate: string | null }, today: string): MilestoneState {
  if (m.completedDate) return m.dueDate && m.completedDate > m.dueDate ? "done_late" : "done";
  if (!m.dueDate) return "unscheduled";
  return m.dueDate < today ? "late" : "upcoming";
}

/** "Done March 1, 2026.", "Late: was due October 28, 2026.", "Due December 9, 2026." */
export function milestoneSentence(
  m: { dueDate: string | null; completedDate: string | null },
  today: string,
  formatDate: (iso: string) => string,
): string {
  const state = milestoneState(m, today);
  if (state === "done") return `Done ${formatDate(m.completedDate!)}.`;
  if (state === "done_late") return `Done ${formatDate(m.completedDate!)} (due ${formatDate(m.dueDate!)}).`;
  if (state === "late") return `Late: was due ${formatDate(m.dueDate!)}, not done yet.`;
  if (state === "upcoming") return `Due ${formatDate(m.dueDate!)}.`;
  return "Not scheduled.";
}
