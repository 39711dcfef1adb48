// Issue 25 items 5 and 15: money keeps the cents a record has ($13,100.50 is not "$13,101"), and
// a milestone past its due date reads as late, not upcoming (today is a parameter, not the clock).
import { describe, expect, it } from "vitest";
import { formatDate, formatMoney } from "@/lib/format/numbers";
import { milestoneSentence, milestoneState } from "@/lib/content/milestone-status";
import { summarizeCosts } from "@/lib/content/scorecard";

describe("money", () => {
  it("shows cents only where the amount has them", () => {
    expect(formatMoney(1_310_050)).toBe("$13,100.50");
    expect(formatMoney(6_200_000)).toBe("$62,000");
    expect(formatMoney(5)).toBe("$0.05");
  });

  it("a variance built from an amount with cents keeps them", () => {
    const total = summarizeCosts([
      { name: "Glazing", approvedAmountCents: 1_250_000, actualCostCents: 1_310_050, status: "purchased", note: null },
    ] as Parameters<typeof summarizeCosts>[0]);
    expect(formatMoney(total.varianceCents)).toBe("$600.50");
  });
});

describe("milestone state", () => {
  const today = "2026-12-02";
  it("past its due date and not done is late", () => {
    const m = { dueDate: "2026-10-28", completedDate: null };
    expect(milestoneState(m, today)).toBe("late");
    expect(milestoneSentence(m, today, formatDate)).toBe("Late: was due October 28, 2026, not done yet.");
  });
  it("upcoming, done on time, done late, unscheduled", () => {
    expect(milestoneState({ dueDate: "2026-12-09", completedDate: null }, today)).toBe("upcoming");
    expect(milestoneState({ dueDate: today, completedDate: null }, today)).toBe("upcoming");
    expect(milestoneState({ dueDate: "2025-09-15", completedDate: "2025-09-12" }, today)).toBe("done");
    expect(milestoneState({ dueDate: "2026-07-15", completedDate: "2026-07-22" }, today)).toBe("done_late");
    expect(milestoneState({ dueDate: null, completedDate: null }, today)).toBe("unscheduled");
  });
});
