// Aggregates kept per publication: reused while the latest successful run is the same, computed
// afresh once another run succeeds; never kept before the first publication or after a failure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { perPublication } from "@/db/queries/public/per-publication";
import { publicationRuns } from "@/db/schema/published";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

const run = (status: "succeeded" | "failed" | "running") =>
  t.db.insert(publicationRuns).values({ asOf: new Date(), rulesVersion: "test", status, trigger: "test" });

describe(`perPublication on ${dbMode}`, () => {
  it("computes every time until something is published, then once per successful run", async () => {
    let calls = 0;
    const read = () => perPublication(t.db, "k", async () => ++calls);
    expect(await read()).toBe(1);
    expect(await read()).toBe(2);

    await run("succeeded");
    expect(await read()).toBe(3);
    expect(await read()).toBe(3);
    // A run that failed or is still running changes nothing that is served.
    await run("failed");
    await run("running");
    expect(await read()).toBe(3);

    await run("succeeded");
    expect(await read()).toBe(4);
    expect(await read()).toBe(4);
    // Other keys are kept apart.
    expect(await perPublication(t.db, "other", async () => "x")).toBe("x");
    expect(await read()).toBe(4);
  });

  it("does not keep a failed read", async () => {
    await run("succeeded");
    let calls = 0;
    const read = () =>
      perPublication(t.db, "flaky", async () => {
        calls += 1;
        if (calls === 1) throw new Error("database went away");
        return calls;
      });
    await expect(read()).rejects.toThrow("database went away");
    expect(await read()).toBe(2);
    expect(await read()).toBe(2);
  });
});
