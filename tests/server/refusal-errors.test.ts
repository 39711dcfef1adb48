// The domain refusals are AppErrors: each keeps its own class (callers test instanceof) and
// answers in the one body shape with its status.
import { describe, expect, it } from "vitest";
import { AppError } from "../../lib/errors";
import { CursorError, decodeCursor } from "../../lib/opendata/cursor";
import { ParamError } from "../../lib/opendata/params";
import { UserError } from "../../server/auth/users";
import { errorResponse } from "../../server/route";

describe("refusals are AppErrors", () => {
  it("a bad cursor is a 400 with its words", async () => {
    let err: unknown;
    try {
      decodeCursor("not-a-cursor", "drone_flights", "key");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CursorError);
    expect(err).toBeInstanceOf(AppError);
    const res = errorResponse(err);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request", error: expect.stringContaining("cursor") });
  });

  it("a bad parameter and a refused account change keep their class and code", () => {
    const p = new ParamError("limit", "must be at most 1000");
    expect(p).toBeInstanceOf(AppError);
    expect(p).toMatchObject({ code: "bad_request", parameter: "limit" });
    const u = new UserError("last active administrator");
    expect(u).toBeInstanceOf(AppError);
    expect(u.status).toBe(409);
  });
});
