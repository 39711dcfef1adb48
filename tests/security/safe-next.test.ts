// Open-redirect bypasses for the "next" parameter after sign-in. Every entry here must fall back
// to the role's home (""); the comments name what a browser would otherwise do with it.
import { describe, expect, it } from "vitest";
import { safeNext } from "../../app/signin/safe-next";

const BYPASSES = [
  "/\t/evil.example", // browsers strip tab → //evil.example
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0d%0a/evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\/evil.example",
  "/\\/evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/review/..//evil.example",
  "/review/../../evil.example",
  "/./signin",
  "/review/%2E%2E/%2E%2E//evil.example",
  "/.%2E//evil.example",
  "https://evil.example",
  "http:evil.example",
  "javascript:alert(1)",
  "evil.example",
  " /review",
  "/ /evil.example",
  "/\u00a0/evil.example",
  "/\u2028/evil.example",
  "/\u3000/evil.example",
  "/\u0000/evil.example",
  "/%00",
  "/%E0%A4%A", // malformed percent-encoding
  "/signin",
  "/signin/enroll",
  "/signin?next=//evil.example",
  "/api/auth/signout",
  "/SignIn",
  "",
  "/" + "a".repeat(5000),
];

describe("safeNext (open redirects after sign-in)", () => {
  it.each(BYPASSES.map((b) => [JSON.stringify(b), b]))("refuses %s", (_label, b) => {
    expect(safeNext(b)).toBe("");
  });

  it("refuses non-strings (repeated or missing parameters)", () => {
    expect(safeNext(["/review", "//evil.example"])).toBe("");
    expect(safeNext(undefined)).toBe("");
    expect(safeNext(null)).toBe("");
  });

  it.each(["/review", "/review/access?from=2026-01-01&page=2", "/staff/updates/12", "/admin#users", "/"])(
    "keeps same-origin path %s",
    (p) => {
      expect(safeNext(p)).toBe(p);
    },
  );

  it("whatever it accepts resolves to this origin and is safe as a Location header", () => {
    for (const b of [...BYPASSES, "/review", "/a/b?c=d"]) {
      const out = safeNext(b);
      if (!out) continue;
      expect(new URL(out, "https://portal.example").origin).toBe("https://portal.example");
      expect(out).not.toMatch(/[\u0000-\u0020\\]/);
    }
  });
});
