import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown, sanitize } from "@/lib/content/markdown";

const attacks = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '[link](javascript:alert(1))',
  '<div onclick="alert(1)">hi</div>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<p style="background:url(javascript:alert(1))" onmouseover="x()">styled</p>',
  "<ScRiPt>alert(1)</sCrIpT>",
  '<a href="data:text/html,<script>alert(1)</script>">d</a>',
  "<details open ontoggle=alert(1)>",
  '<Callout onClick={() => alert(1)}>mdx</Callout>',
];

describe("markdown sanitizing", () => {
  for (const attack of attacks) {
    it(`removes anything that can run: ${attack}`, () => {
      const html = renderMarkdown(`Before\n\n${attack}\n\nAfter`);
      expect(html).not.toMatch(/<script/i);
      // An event handler can only run as an attribute inside a real tag (escaped text is inert).
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html).not.toMatch(/<(iframe|svg|img|details|style)/i);
      expect(html).not.toMatch(/href="data:/i);
      expect(html).toContain("Before");
      expect(html).toContain("After");
    });
  }

  it("keeps ordinary formatting, tables and safe links", () => {
    const html = renderMarkdown("# Title\n\n**bold** and [site](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">site</a>');
    expect(html).toContain("<table>");
    expect(html).toContain("<td>2</td>");
  });

  it("sanitize alone strips event handlers from allowed tags", () => {
    expect(sanitize('<a href="/x" onclick="steal()">x</a>')).toBe('<a href="/x">x</a>');
  });

  it("plain text drops script content entirely", () => {
    expect(markdownToText("Hello <script>alert('x')</script> world")).toBe("Hello world");
  });
});

// Issue 25 item 8: a refused link is plain text, never an <a> with no href (link-coloured words).
describe("refused links become plain text", () => {
  it.each([
    ["[click me](javascript:alert(1))", "<p>click me</p>"],
    ['<a href="JaVaScRiPt:alert(1)">click me</a>', "<p>click me</p>"],
    ['<a href="data:text/html,x">click me</a>', "<p>click me</p>"],
    ['<a href="//evil.example/x">click me</a>', "<p>click me</p>"],
    ["<a>click me</a>", "<p>click me</p>"],
  ])("%s", (md, html) => {
    expect(renderMarkdown(md).trim()).toBe(html);
  });
  it("allowed links stay links", () => {
    expect(renderMarkdown("[a](/updates/x) [b](mailto:x@example.test)")).toContain('<a href="/updates/x">a</a>');
    expect(renderMarkdown("[b](mailto:x@example.test)")).toContain('<a href="mailto:x@example.test">b</a>');
  });
});
