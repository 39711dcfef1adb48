import "server-only";
// Staff content that is public as written: published updates, policy versions, budget items,
// initiatives and milestones, meetings, and feedback as counts and one-line outcomes only
// (never the text residents wrote or their contact details).
import { and, asc, count, desc, eq, isNotNull, lte, or } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import {
  agendaItems,
  budgetItems,
  councilMeetings,
  councilVotes,
  feedback,
  initiatives,
  milestones,
  policyVersions,
  programUpdates,
} from "@/db/schema/content";
import { programs } from "@/db/schema/reference";
import { compareVersions } from "@/lib/content/policy-files";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

/** Visible now: published, or scheduled with its time come. */
function visible(now: Date) {
  return and(
    or(eq(programUpdates.status, "published"), eq(programUpdates.status, "scheduled")),
    isNotNull(programUpdates.publishAt),
    lte(programUpdates.publishAt, now),
  );
}

const updateColumns = {
  slug: programUpdates.slug,
  title: programUpdates.title,
  summary: programUpdates.summary,
  bodyMarkdown: programUpdates.bodyMarkdown,
  titleEs: programUpdates.titleEs,
  summaryEs: programUpdates.summaryEs,
  bodyMarkdownEs: programUpdates.bodyMarkdownEs,
  publishAt: programUpdates.publishAt,
  updatedAt: programUpdates.updatedAt,
  programSlug: programs.slug,
  programName: programs.name,
};

export async function listPublicUpdates(o: Opts & { program?: string; limit?: number; now?: Date } = {}) {
  const db = await use(o);
  const now = o.now ?? new Date();
  const where = o.program ? and(visible(now), eq(programs.slug, o.program as "drones")) : visible(now);
  return db
    .select(updateColumns)
    .from(programUpdates)
    .leftJoin(programs, eq(programs.id, programUpdates.programId))
    .where(where)
    .orderBy(desc(programUpdates.publishAt))
    .limit(o.limit ?? 100);
}

export async function getPublicUpdate(o: Opts & { slug: string; now?: Date }) {
  const db = await use(o);
  const [row] = await db
    .select(updateColumns)
    .from(programUpdates)
    .leftJoin(programs, eq(programs.id, programUpdates.programId))
    .where(and(visible(o.now ?? new Date()), eq(programUpdates.slug, o.slug)))
    .limit(1);
  return row ?? null;
}

export async function listPrograms(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({ id: programs.id, slug: programs.slug, name: programs.name, status: programs.status })
    .from(programs)
    .orderBy(asc(programs.id));
}

const policyColumns = {
  id: policyVersions.id,
  slug: policyVersions.policySlug,
  title: policyVersions.title,
  version: policyVersions.version,
  effectiveDate: policyVersions.effectiveDate,
  adoptedBy: policyVersions.adoptedBy,
  bodyMdx: policyVersions.bodyMdx,
  summary: policyVersions.summary,
  summaryEs: policyVersions.summaryEs,
  origin: policyVersions.origin,
  createdAt: policyVersions.createdAt,
  programSlug: programs.slug,
  programName: programs.name,
};

/** Every version of one policy, newest first. */
export async function policyHistory(o: Opts & { slug: string }) {
  const db = await use(o);
  const rows = await db
    .select(policyColumns)
    .from(policyVersions)
    .leftJoin(programs, eq(programs.id, policyVersions.programId))
    .where(eq(policyVersions.policySlug, o.slug));
  return rows.sort((a, b) => compareVersions(b.version, a.version));
}

/** The current (highest) version of each policy, with how many versions exist. */
export async function listCurrentPolicies(o: Opts = {}) {
  const db = await use(o);
  const rows = await db
    .select(policyColumns)
    .from(policyVersions)
    .leftJoin(programs, eq(programs.id, policyVersions.programId));
  const bySlug = new Map<string, { current: (typeof rows)[number]; versions: number }>();
  for (const r of rows) {
    const e = bySlug.get(r.slug);
    if (!e) bySlug.set(r.slug, { current: r, versions: 1 });
    else
      bySlug.set(r.slug, {
        current: compareVersions(r.version, e.current.version) > 0 ? r : e.current,
        versions: e.versions + 1,
      });
  }
  return [...bySlug.values()].sort((a, b) => a.current.title.localeCompare(b.current.title));
}

export async function listBudgetItems(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({
      id: budgetItems.id,
      name: budgetItems.name,
      description: budgetItems.description,
      approvedAmountCents: budgetItems.approvedAmountCents,
      actualCostCents: budgetItems.actualCostCents,
      fundingSource: budgetItems.fundingSource,
      status: budgetItems.status,
      fiscalYear: budgetItems.fiscalYear,
      note: budgetItems.note,
      programSlug: programs.slug,
      programName: programs.name,
    })
    .from(budgetItems)
    .leftJoin(programs, eq(programs.id, budgetItems.programId))
    .orderBy(asc(budgetItems.fiscalYear), asc(budgetItems.name));
}

export async function listInitiatives(o: Opts = {}) {
  const db = await use(o);
  const inits = await db
    .select({
      id: initiatives.id,
      name: initiatives.name,
      description: initiatives.description,
      nameEs: initiatives.nameEs,
      descriptionEs: initiatives.descriptionEs,
      serviceArea: initiatives.serviceArea,
      status: initiatives.status,
      programSlug: programs.slug,
      programName: programs.name,
    })
    .from(initiatives)
    .leftJoin(programs, eq(programs.id, initiatives.programId))
    .orderBy(asc(initiatives.id));
  const ms = await db.select().from(milestones).orderBy(asc(milestones.dueDate), asc(milestones.id));
  return inits.map((i) => ({ ...i, milestones: ms.filter((m) => m.initiativeId === i.id) }));
}

export async function listMeetings(o: Opts = {}) {
  const db = await use(o);
  const meetings = await db.select().from(councilMeetings).orderBy(desc(councilMeetings.meetingDate));
  const items = await db
    .select({ ...agendaItemCols, programName: programs.name })
    .from(agendaItems)
    .leftJoin(programs, eq(programs.id, agendaItems.programId))
    .orderBy(asc(agendaItems.id));
  const votes = await db.select().from(councilVotes).orderBy(asc(councilVotes.id));
  return meetings.map((m) => ({
    ...m,
    agenda: items.filter((i) => i.meetingId === m.id),
    votes: votes.filter((v) => v.meetingId === m.id),
  }));
}
const agendaItemCols = {
  id: agendaItems.id,
  meetingId: agendaItems.meetingId,
  title: agendaItems.title,
  periodStart: agendaItems.periodStart,
  periodEnd: agendaItems.periodEnd,
};

/** Feedback counts by program and status: numbers only. */
export async function feedbackCounts(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({
      programSlug: programs.slug,
      programName: programs.name,
      kind: feedback.kind,
      status: feedback.status,
      n: count(),
    })
    .from(feedback)
    .leftJoin(programs, eq(programs.id, feedback.programId))
    .groupBy(programs.slug, programs.name, feedback.kind, feedback.status);
}

/** Resolved complaints with their one-line public outcome (no body, no contact). */
export async function resolvedComplaints(o: Opts & { limit?: number } = {}) {
  const db = await use(o);
  return db
    .select({
      id: feedback.id,
      programName: programs.name,
      targetType: feedback.targetType,
      targetRef: feedback.targetRef,
      resolvedAt: feedback.resolvedAt,
      outcome: feedback.outcome,
    })
    .from(feedback)
    .leftJoin(programs, eq(programs.id, feedback.programId))
    .where(and(eq(feedback.kind, "complaint"), eq(feedback.status, "resolved"), isNotNull(feedback.outcome)))
    .orderBy(desc(feedback.resolvedAt))
    .limit(o.limit ?? 100);
}

/**
 * A resident's feedback. The only write public code makes: contact details are stored for staff
 * and never read back by any public query.
 */
export async function fileFeedback(
  o: Opts & {
    kind: "feedback" | "complaint";
    programSlug: string;
    targetType: string;
    targetRef: string | null;
    body: string;
    contactName: string | null;
    contactEmail: string | null;
  },
): Promise<{ id: number }> {
  const db = await use(o);
  const [program] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(eq(programs.slug, o.programSlug as "drones"));
  const [row] = await db
    .insert(feedback)
    .values({
      kind: o.kind,
      programId: program?.id ?? null,
      targetType: o.targetType,
      targetRef: o.targetRef,
      body: o.body,
      contactName: o.contactName,
      contactEmail: o.contactEmail,
      status: "new",
    })
    .returning({ id: feedback.id });
  return row;
}
