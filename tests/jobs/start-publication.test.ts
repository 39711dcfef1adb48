import { describe, expect, it } from "vitest";
import { publishOnStart } from "../../lib/publish/start-publication";

describe("publication when the portal starts", () => {
  const now = new Date("2027-03-14T09:30:00Z");
  const ago = (min: number) => new Date(now.getTime() - min * 60_000);
  it("publishes when nothing was ever published", () => expect(publishOnStart(null, now, 60)).toBe(true));
  it("publishes when the latest publication is as old as the interval or older", () => {
    expect(publishOnStart(ago(60), now, 60)).toBe(true);
    expect(publishOnStart(ago(600), now, 60)).toBe(true);
  });
  it("waits for the schedule when the latest publication is recent", () => {
    expect(publishOnStart(ago(59), now, 60)).toBe(false);
    expect(publishOnStart(ago(5), now, 1440)).toBe(false);
  });
});
