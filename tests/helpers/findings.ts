// Shared setup for tests of the finding workflow: signed-in people, a workflow step run the way
// the action wrapper runs it (one transaction, its audit entries inside), and a finding walked
// from open to closed.
import type { Db } from "../../db/client";
import { users } from "../../db/schema";
import { appendAudit } from "../../server/audit/log";
import {
  assignFinding,
  closeFinding,
  openFinding,
  recordExplanation,
  requestExplanation,
  type WorkflowContext,
} from "../../server/review/workflow";
import type { SessionUser } from "../../lib/auth/roles";

type NewUser = { email: string; name: string; role: SessionUser["role"] };

/** Inserts accounts and returns them as the session carries them. */
export async function addUsers(db: Db, people: NewUser[]): Promise<SessionUser[]> {
  const rows = await db.insert(users).values(people).returning();
  return rows.map((x) => ({ id: x.id, email: x.email, name: x.name, role: x.role }));
}

/** Runs one workflow step as `user`: one transaction, audit entries in it. */
export function workflowStep<R>(db: Db, user: SessionUser, fn: (ctx: WorkflowContext) => Promise<R>): Promise<R> {
  return db.transaction((tx) =>
    fn({
      tx,
      user,
      audit: (e) => appendAudit(tx, { actorType: "user", actorId: String(user.id), actorLabel: user.email, ...e }),
    }),
  );
}

type Opened = Parameters<typeof openFinding>[1];
type Closed = Parameters<typeof closeFinding>[1];
type ClosedFinding = {
  records: Opened["records"];
  findingType: Opened["findingType"];
  /** The note the finding is opened with. */
  reason: string;
  explanation: string;
  outcome: Closed["outcome"];
  note: string;
  publicSummary: string;
};

/**
 * Opens a finding on `records` and walks it through every step to closed, by `user` (assigned to
 * them, an explanation requested far ahead and received). Returns the finding's id.
 */
export async function closeFindingThroughWorkflow(db: Db, user: SessionUser, f: ClosedFinding): Promise<number> {
  const step = <R>(fn: (ctx: WorkflowContext) => Promise<R>) => workflowStep(db, user, fn);
  const id = await step((c) => openFinding(c, { records: f.records, findingType: f.findingType, note: f.reason }));
  await step((c) => assignFinding(c, { findingId: id, assigneeId: user.id }));
  await step((c) =>
    requestExplanation(c, { findingId: id, request: "Why?", dueOn: "2999-01-01", today: "2000-01-01" }),
  );
  await step((c) => recordExplanation(c, { findingId: id, explanation: f.explanation }));
  await step((c) =>
    closeFinding(c, { findingId: id, outcome: f.outcome, note: f.note, publicSummary: f.publicSummary }),
  );
  return id;
}
