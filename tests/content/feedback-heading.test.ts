// Issue 25 item 6: triage headings use labels, never raw values ("· program drones").
import { describe, expect, it } from "vitest";
import { feedbackHeading } from "@/lib/content/feedback";

const base = { id: 12, kind: "feedback", programName: "Drones" as string | null };

describe("feedback heading", () => {
  it("names the target in words", () => {
    expect(feedbackHeading({ ...base, targetType: "program", targetRef: "drones" })).toBe(
      "#12 Feedback about the Drones program",
    );
    expect(
      feedbackHeading({ ...base, programName: null, kind: "complaint", targetType: "general", targetRef: null }),
    ).toBe("#12 Complaint about the programs in general · no program chosen");
    expect(
      feedbackHeading({
        ...base,
        programName: "License plate readers",
        targetType: "policy",
        targetRef: "plate-readers",
      }),
    ).toBe("#12 Feedback about the Plate readers policy · License plate readers");
    expect(feedbackHeading({ ...base, kind: "complaint", targetType: "flight", targetRef: "f7k2" })).toBe(
      "#12 Complaint about drone flight f7k2 · Drones",
    );
  });
  it("no raw values left in a heading", () => {
    const h = feedbackHeading({ ...base, programName: null, targetType: "program", targetRef: "drones" });
    expect(h).not.toMatch(/program drones|no program · program/);
  });
});
