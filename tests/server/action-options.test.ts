// An action with no roles is refused when it is defined: "anyone" is said with `public: true`,
// never by an empty role list (which requireRole would read as "any signed-in user").
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { action } from "../../server/action";

const schema = z.object({});

describe("action() options", () => {
  it("refuses an empty role list", () => {
    // @ts-expect-error an empty role list does not typecheck either
    expect(() => action({ roles: [], schema }, async () => ({ ok: true }))).toThrow(/public: true/);
  });

  it("accepts roles, or public: true", () => {
    expect(typeof action({ roles: ["staff"], schema }, async () => ({ ok: true }))).toBe("function");
    expect(typeof action({ public: true, schema }, async () => ({ ok: true }))).toBe("function");
  });
});
