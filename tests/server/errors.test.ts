// One error type: each code maps to its HTTP status, refusals keep their plain words, and an
// unexpected error is answered in plain words without its message, stack or SQL.
import { describe, expect, it, vi } from "vitest";
import { AppError, ERROR_CODES, UNEXPECTED_MESSAGE } from "../../lib/errors";
import { AuthError } from "../../server/auth/dal";
import { failureState } from "../../server/action";
import { errorResponse } from "../../server/route";

describe("AppError", () => {
  it("maps every code to its status and one body shape", async () => {
    for (const [code, status] of Object.entries(ERROR_CODES)) {
      const res = errorResponse(new AppError(code as keyof typeof ERROR_CODES, `plain words for ${code}`));
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: `plain words for ${code}`, code });
    }
  });

  it("answers an auth refusal with its own status and words", async () => {
    const res = errorResponse(new AuthError(403, "Your role does not allow this."));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "Your role does not allow this.", code: "forbidden" });
  });

  it("never shows an unexpected error's message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = errorResponse(new Error('relation "users" does not exist at /srv/app/db.ts:12'));
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).not.toContain("relation");
      expect(JSON.parse(text)).toMatchObject({ error: UNEXPECTED_MESSAGE });
      const form = new FormData();
      form.set("title", "kept");
      const state = failureState(new TypeError("x is undefined"), form);
      expect(state).toEqual({ ok: false, message: UNEXPECTED_MESSAGE, values: { title: "kept" } });
      expect(log).toHaveBeenCalledTimes(2);
    } finally {
      log.mockRestore();
    }
  });

  it("shows an AppError's words in the form", () => {
    expect(failureState(new AppError("conflict", "That milestone was changed by someone else."))).toMatchObject({
      ok: false,
      message: "That milestone was changed by someone else.",
    });
  });
});
