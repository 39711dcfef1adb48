// Issue 25 item 10: a flight with no linked call shows no call type and no dispatch-based figures.
import { describe, expect, it } from "vitest";
import { callFacts, NO_CALL } from "@/lib/drones/call-facts";

describe("a flight's call facts", () => {
  it("no linked call: 'no call for service' and empty dispatch figures, whatever the row holds", () => {
    expect(
      callFacts({ linkedToCall: false, categoryLabel: "Traffic collision", timeToSceneMin: 1.9, firstOnScene: true }),
    ).toEqual({ callType: NO_CALL, minutesFromDispatch: "—", firstOnScene: "—" });
  });
  it("a linked call shows its type and figures", () => {
    expect(
      callFacts({ linkedToCall: true, categoryLabel: "Traffic collision", timeToSceneMin: 1.94, firstOnScene: false }),
    ).toEqual({ callType: "Traffic collision", minutesFromDispatch: "1.9", firstOnScene: "No" });
    expect(callFacts({ linkedToCall: true, categoryLabel: "Theft", timeToSceneMin: null }, "not published")).toEqual({
      callType: "Theft",
      minutesFromDispatch: "not published",
      firstOnScene: "not published",
    });
  });
});
