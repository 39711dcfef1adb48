// Issue 25 item 13: a feedback link's target must name a record we publish; a made-up one
// (target=access:x) is refused with a message instead of being filed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveFeedbackTarget } from "@/db/queries/public/feedback-target";
import { parseTarget } from "@/lib/content/feedback";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const resolve = (raw: string) => resolveFeedbackTarget({ db: t.db, target: parseTarget(raw) });

describe(`feedback targets (${dbMode})`, () => {
  it("refuses records that do not exist, of every kind", async () => {
    expect(await resolve("access:x")).toEqual({ found: false, message: 'There is no published camera access "x".' });
    expect(await resolve("flight:nope")).toMatchObject({ found: false });
    expect(await resolve("policy:made-up")).toMatchObject({ found: false });
    expect(await resolve("program:moon-base")).toMatchObject({ found: false });
  });

  it("describes what a real target refers to", async () => {
    expect(await resolve("program:drones")).toEqual({ found: true, about: "the Drones program", program: "drones" });
    expect(await resolve("")).toEqual({ found: true, about: "the public-safety technology programs", program: null });
  });
});
