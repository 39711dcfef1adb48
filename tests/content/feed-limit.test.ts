import { RateLimiterMemory } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { buildAtomFeed } from "@/lib/content/atom";
import { renderMarkdown } from "@/lib/content/markdown";
import { takeFeedbackSlot } from "@/server/limits/feedback";

describe("Atom feed", () => {
  it("escapes every text and carries only sanitized HTML", () => {
    const xml = buildAtomFeed({
      id: "https://x.test/updates", title: "Updates & news", selfUrl: "https://x.test/updates/feed.xml", siteUrl: "https://x.test/updates",
      entries: [{ id: "https://x.test/updates/a", url: "https://x.test/updates/a", title: "Docks <offline>", updated: new Date("2026-03-01T00:00:00Z"),
        published: new Date("2026-03-01T00:00:00Z"), summary: "A \"quote\"", html: renderMarkdown("Hi <script>alert(1)</script> **there**") }],
    });
    expect(xml).toContain("<title>Updates &amp; news</title>");
    expect(xml).toContain("<title>Docks &lt;offline&gt;</title>");
    expect(xml).toContain("<summary>A &quot;quote&quot;</summary>");
    expect(xml).toContain("&lt;strong&gt;there&lt;/strong&gt;");
    expect(xml).not.toMatch(/script/i);
    expect(xml).toContain("<updated>2026-03-01T00:00:00.000Z</updated>");
  });
});

describe("feedback rate limit", () => {
  it("allows a few messages per address, then asks to wait", async () => {
    const limiter = new RateLimiterMemory({ points: 2, duration: 3600 });
    expect(await takeFeedbackSlot("203.0.113.9", limiter)).toBeNull();
    expect(await takeFeedbackSlot("203.0.113.9", limiter)).toBeNull();
    const wait = await takeFeedbackSlot("203.0.113.9", limiter);
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(await takeFeedbackSlot("198.51.100.4", limiter)).toBeNull();
  });
});
