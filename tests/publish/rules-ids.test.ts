import { describe, expect, it } from "vitest";
import { pseudonym, pseudonymMap } from "../../lib/publish/rules/pseudonym";
import { PUBLIC_ID_PATTERN, publicId, publicIdMaker } from "../../lib/publish/rules/public-id";

const KEY = "a-test-key-that-is-long-enough";

describe("pseudonyms", () => {
  it("are stable, keyed and look like user-7f3a9c", () => {
    expect(pseudonym(42, KEY)).toMatch(/^user-[0-9a-f]{6}$/);
    expect(pseudonym(42, KEY)).toBe(pseudonym(42, KEY));
    expect(pseudonym(42, KEY)).not.toBe(pseudonym(43, KEY));
    expect(pseudonym(42, KEY)).not.toBe(pseudonym(42, KEY + "x"));
    expect(pseudonym(42, KEY)).not.toContain("42");
    expect(() => pseudonym(1, "short")).toThrow();
  });
  it("never collide within a set", () => {
    const m = pseudonymMap(
      Array.from({ length: 5000 }, (_, i) => i),
      KEY,
    );
    expect(new Set(m.values()).size).toBe(5000);
  });
});

describe("public ids", () => {
  it("are stable across runs and hide the source id", () => {
    const a = publicId("f", "skydio", "FL-2025-00017", KEY);
    expect(a).toMatch(PUBLIC_ID_PATTERN);
    expect(a).toBe(publicId("f", "skydio", "FL-2025-00017", KEY));
    expect(a).not.toBe(publicId("f", "skydio", "FL-2025-00018", KEY));
    expect(a).not.toContain("00017");
  });

  it("made in bulk are the same ids, for short and long keys alike", () => {
    for (const key of [KEY, "k".repeat(100)]) {
      const make = publicIdMaker("f", key);
      for (const [source, id] of [
        ["skydio", "FL-2025-00017"],
        ["sf open data", "ünïcode 42"],
        ["", ""],
      ]) {
        expect(make(source, id)).toBe(publicId("f", source, id, key));
      }
      // The copied hash states are not consumed by use.
      expect(make("skydio", "FL-2025-00017")).toBe(make("skydio", "FL-2025-00017"));
    }
  });
});
