// Staff content use cases (server/content) run the way the action wrapper runs them: the write and
// its audit entry in one transaction, the public pages' refresh left for after the commit, and a
// refusal writing nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, budgetItems, councilVotes, policyVersions, programs, programUpdates } from "../../db/schema";
import { appendAudit } from "../../server/audit/log";
import type { ContentContext } from "../../server/content/context";
import { saveBudgetItem } from "../../server/content/costs";
import { publishPolicyVersion } from "../../server/content/policies";
import { recordRollout } from "../../server/content/rollout";
import { saveUpdate } from "../../server/content/updates";
import { AppError } from "../../lib/errors";
import type { SessionUser } from "../../lib/auth/roles";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { addUsers } from "../helpers/findings";

let t: TestDb;
let staff: SessionUser;

/** One use case as `user`: one transaction with its audit entries; what waits for the commit is returned, not run. */
async function contentStep<R>(fn: (ctx: ContentContext) => Promise<R>) {
  const after: Array<() => unknown> = [];
  const result = await t.db.transaction((tx) =>
    fn({
      tx,
      user: staff,
      audit: (e) => appendAudit(tx, { actorType: "user", actorId: String(staff.id), actorLabel: staff.email, ...e }),
      afterCommit: (f) => void after.push(f),
    }),
  );
  return { result, after };
}

const audits = (action: string) => t.db.select().from(auditLog).where(eq(auditLog.action, action));

const budget = {
  id: null,
  program: "drones" as const,
  name: "Drone docks",
  description: "",
  approvedAmountCents: 6_200_000,
  actualCostCents: null,
  fundingSource: "General fund",
  status: "approved" as const,
  fiscalYear: "fy 2026",
  note: null,
};

const policy = {
  slug: "drones",
  program: "drones" as const,
  title: "Drone use policy",
  effectiveDate: "2026-01-15",
  adoptedBy: "City Council, Resolution 2026-17",
  bodyMdx: "The policy text.",
  summary: null,
  summaryEs: null,
};

beforeAll(async () => {
  t = await createTestDb();
  [staff] = await addUsers(t.db, [{ email: "staff@example.org", name: "Staff", role: "staff" }]);
  await t.db.insert(programs).values({ slug: "drones", name: "Drones", status: "pilot" });
}, 120_000);
afterAll(async () => t?.close());

describe(`staff content use cases (${dbMode})`, () => {
  it("saves a budget item with its audit entry, and leaves the public refresh for after the commit", async () => {
    const { result: row, after } = await contentStep((c) => saveBudgetItem(c, budget));
    expect(row.fiscalYear).toBe("FY2026");
    expect(after).toHaveLength(1);
    const [entry] = await audits("content.budget.create");
    expect(entry).toMatchObject({ targetId: String(row.id), actorId: String(staff.id) });
    expect(entry.details).toMatchObject({ name: "Drone docks", approvedAmountCents: 6_200_000 });

    const gone = contentStep((c) => saveBudgetItem(c, { ...budget, id: row.id + 1000 }));
    await expect(gone).rejects.toMatchObject({ code: "not_found" });
    expect(await audits("content.budget.edit")).toHaveLength(0);
  });

  it("publishes a policy version only above the current one, refusing on the version field", async () => {
    const first = await contentStep((c) => publishPolicyVersion(c, { ...policy, version: "1.2" }));
    expect("row" in first.result && first.result.row.bodyMdx).toBe("The policy text.\n");
    const lower = await contentStep((c) => publishPolicyVersion(c, { ...policy, version: "1.1" }));
    expect(lower.result).toEqual({ refused: { field: "version", message: "Must be higher than the current version 1.2" } });
    expect(lower.after).toHaveLength(0);
    expect(await t.db.select().from(policyVersions)).toHaveLength(1);
    const [entry] = await audits("content.policy.publish");
    expect(entry.details).toEqual({ slug: "drones", version: "1.2", previous: null });
  });

  it("refuses to schedule an update at a time already past, and schedules one ahead", async () => {
    const now = new Date("2030-01-01T12:00:00Z");
    const update = {
      id: null,
      title: "Drone pilot begins",
      summary: "",
      bodyMarkdown: "The pilot begins in two divisions.",
      program: "drones" as const,
      status: "scheduled" as const,
    };
    const past = await contentStep((c) => saveUpdate(c, { ...update, publishAt: "2029-12-01T09:00" }, now));
    expect(past.result).toMatchObject({ refused: { field: "publishAt" } });
    expect(await t.db.select().from(programUpdates)).toHaveLength(0);
    const ahead = await contentStep((c) => saveUpdate(c, { ...update, publishAt: "2030-02-01T09:00" }, now));
    expect("row" in ahead.result && ahead.result.row.status).toBe("scheduled");
    expect(await audits("content.update.create")).toHaveLength(1);
  });

  it("refuses a rollout decision for an area the city does not have, writing nothing", async () => {
    const decision = contentStep((c) =>
      recordRollout(c, {
        program: "drones",
        areas: ["nowhere"],
        status: "approved",
        decidedOn: "2026-03-04",
        liveOn: null,
        reason: "Highest calls for service per 1,000 residents.",
        motion: "Approve drones in nowhere",
        result: "passed",
        ayes: 9,
        noes: 2,
        abstentions: 0,
      }),
    );
    await expect(decision).rejects.toBeInstanceOf(AppError);
    expect(await t.db.select().from(councilVotes)).toHaveLength(0);
    expect(await audits("content.rollout_decision.record")).toHaveLength(0);
    expect(await t.db.select().from(budgetItems)).toHaveLength(1);
  });
});
