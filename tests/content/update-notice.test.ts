// Issue 25 item 7: a scheduled update says when it will appear instead of linking to a page that
// is a 404 until then. "Now" is a parameter, so the test does not depend on the calendar.
import { describe, expect, it } from "vitest";
import { savedUpdateNotice } from "@/lib/content/update-notice";

const now = new Date("2026-12-02T18:00:00Z");
const tz = "America/Los_Angeles";

describe("saved update notice", () => {
  it("scheduled in the future: says when, no link", () => {
    const n = savedUpdateNotice({ status: "scheduled", slug: "x", publishAt: new Date("2026-12-09T17:00:00Z") }, now, tz);
    expect(n).toEqual({ message: "Scheduled. It will appear on the public site on Dec 9, 2026, 9:00 AM." });
  });
  it("published or due: links to the public page; drafts never do", () => {
    expect(savedUpdateNotice({ status: "published", slug: "x", publishAt: now }, now, tz).link?.href).toBe(
      "/updates/x",
    );
    expect(
      savedUpdateNotice({ status: "scheduled", slug: "x", publishAt: new Date("2026-12-01T00:00:00Z") }, now, tz).link,
    ).toBeDefined();
    expect(savedUpdateNotice({ status: "draft", slug: "x", publishAt: null }, now, tz).link).toBeUndefined();
  });
});
