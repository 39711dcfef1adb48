import "server-only";
// Staff reads and writes of content. Writes take the transaction they run in, so the change and
// its audit-log row commit together.
import { asc, desc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { feedback, metricTargets, policyVersions, prioritizationWeights, programUpdates } from "@/db/schema/content";
import { programs } from "@/db/schema/reference";
import { users } from "@/db/schema/auth";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

export async function programIdBySlug(tx: DbOrTx, slug: string | null | undefined): Promise<number | null> {
  if (!slug) return null;
  const [p] = await tx
    .select({ id: programs.id })
    .from(programs)
    .where(eq(programs.slug, slug as "drones"));
  return p?.id ?? null;
}

export async function listAllUpdates(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({
      id: programUpdates.id,
      slug: programUpdates.slug,
      title: programUpdates.title,
      status: programUpdates.status,
      publishAt: programUpdates.publishAt,
      updatedAt: programUpdates.updatedAt,
      programName: programs.name,
      author: users.name,
    })
    .from(programUpdates)
    .leftJoin(programs, eq(programs.id, programUpdates.programId))
    .leftJoin(users, eq(users.id, programUpdates.authorUserId))
    .orderBy(desc(programUpdates.updatedAt));
}

export async function getUpdate(o: Opts & { id: number }) {
  const db = await use(o);
  const [row] = await db
    .select({ u: programUpdates, programSlug: programs.slug })
    .from(programUpdates)
    .leftJoin(programs, eq(programs.id, programUpdates.programId))
    .where(eq(programUpdates.id, o.id));
  return row ? { ...row.u, programSlug: row.programSlug } : null;
}

export type UpdateInput = {
  title: string;
  summary: string;
  bodyMarkdown: string;
  /** The optional Spanish version: title and text together, or all null. */
  titleEs?: string | null;
  summaryEs?: string | null;
  bodyMarkdownEs?: string | null;
  programSlug: string | null;
  status: "draft" | "scheduled" | "published";
  publishAt: Date | null;
};

async function uniqueSlug(tx: DbOrTx, title: string, exceptId?: number): Promise<string> {
  const base =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "update";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [hit] = await tx.select({ id: programUpdates.id }).from(programUpdates).where(eq(programUpdates.slug, slug));
    if (!hit || hit.id === exceptId) return slug;
  }
}

/** Creates or edits an update; the slug is fixed once the update has been public. */
export async function saveUpdate(tx: DbOrTx, input: UpdateInput & { id?: number; authorUserId: number }) {
  const programId = await programIdBySlug(tx, input.programSlug);
  const publishAt = input.status === "published" ? (input.publishAt ?? new Date()) : input.publishAt;
  const values = {
    title: input.title,
    summary: input.summary,
    bodyMarkdown: input.bodyMarkdown,
    titleEs: input.titleEs ?? null,
    summaryEs: input.summaryEs ?? null,
    bodyMarkdownEs: input.bodyMarkdownEs ?? null,
    programId,
    status: input.status,
    publishAt,
    updatedAt: new Date(),
  };
  if (input.id) {
    const existing = await getUpdate({ db: tx, id: input.id });
    if (!existing) return null;
    const slug = existing.status === "draft" ? await uniqueSlug(tx, input.title, input.id) : existing.slug;
    const [row] = await tx
      .update(programUpdates)
      .set({ ...values, slug })
      .where(eq(programUpdates.id, input.id))
      .returning();
    return row;
  }
  const slug = await uniqueSlug(tx, input.title);
  const [row] = await tx
    .insert(programUpdates)
    .values({ ...values, slug, authorUserId: input.authorUserId })
    .returning();
  return row;
}

export async function insertPolicyVersion(
  tx: DbOrTx,
  v: {
    slug: string;
    programSlug: string | null;
    title: string;
    version: string;
    effectiveDate: string;
    adoptedBy: string;
    bodyMdx: string;
    summary?: string | null;
    summaryEs?: string | null;
    userId: number;
  },
) {
  const [row] = await tx
    .insert(policyVersions)
    .values({
      policySlug: v.slug,
      programId: await programIdBySlug(tx, v.programSlug),
      title: v.title,
      version: v.version,
      effectiveDate: v.effectiveDate,
      adoptedBy: v.adoptedBy,
      bodyMdx: v.bodyMdx,
      summary: v.summary ?? null,
      summaryEs: v.summaryEs ?? null,
      origin: "web",
      createdByUserId: v.userId,
    })
    .returning();
  return row;
}

export async function listTargets(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(metricTargets).orderBy(asc(metricTargets.metricKey));
}

export async function upsertTarget(
  tx: DbOrTx,
  t: {
    metricKey: string;
    label: string;
    target: number;
    unit: string;
    direction: "lower_is_better" | "higher_is_better";
    userId: number;
  },
) {
  const values = {
    label: t.label,
    target: t.target,
    unit: t.unit,
    direction: t.direction,
    setByUserId: t.userId,
    updatedAt: new Date(),
  };
  const [row] = await tx
    .insert(metricTargets)
    .values({ metricKey: t.metricKey, ...values })
    .onConflictDoUpdate({ target: metricTargets.metricKey, set: values })
    .returning();
  return row;
}

export async function listWeights(o: Opts = {}) {
  const db = await use(o);
  return db.select().from(prioritizationWeights).orderBy(asc(prioritizationWeights.factor));
}

export async function setWeight(tx: DbOrTx, w: { factor: string; weight: number }) {
  const [row] = await tx
    .update(prioritizationWeights)
    .set({ weight: w.weight })
    .where(eq(prioritizationWeights.factor, w.factor))
    .returning();
  return row ?? null;
}

/** Everything staff need to triage, contact details included (staff-only module). */
export async function listFeedbackForTriage(o: Opts = {}) {
  const db = await use(o);
  return db
    .select({ f: feedback, programName: programs.name })
    .from(feedback)
    .leftJoin(programs, eq(programs.id, feedback.programId))
    .orderBy(asc(feedback.status), desc(feedback.createdAt));
}

export async function triageFeedback(
  tx: DbOrTx,
  t: { id: number; status: "new" | "triaged" | "in_progress" | "resolved" | "dismissed"; outcome: string | null },
) {
  const closed = t.status === "resolved" || t.status === "dismissed";
  const [row] = await tx
    .update(feedback)
    .set({ status: t.status, outcome: t.outcome, resolvedAt: closed ? new Date() : null })
    .where(eq(feedback.id, t.id))
    .returning({ id: feedback.id, status: feedback.status });
  return row ?? null;
}
