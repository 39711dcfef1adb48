import "server-only";
// Staff writes to budget items, milestones and council meetings.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { agendaItems, budgetItems, councilMeetings, initiatives, milestones } from "@/db/schema/content";
import { programIdBySlug } from "./content";

export type BudgetInput = {
  id?: number;
  programSlug: string | null;
  name: string;
  description: string;
  approvedAmountCents: number;
  actualCostCents: number | null;
  fundingSource: string;
  status: "planned" | "approved" | "purchased" | "complete" | "cancelled";
  fiscalYear: string;
  note: string | null;
};

export async function saveBudgetItem(tx: DbOrTx, b: BudgetInput) {
  const { id, programSlug, ...rest } = b;
  const values = { ...rest, programId: await programIdBySlug(tx, programSlug), updatedAt: new Date() };
  if (id) {
    const [row] = await tx.update(budgetItems).set(values).where(eq(budgetItems.id, id)).returning();
    return row ?? null;
  }
  const [row] = await tx.insert(budgetItems).values(values).returning();
  return row;
}

export type MilestoneInput = {
  id?: number;
  initiativeId: number;
  kind:
    | "rfp_issued"
    | "vendor_selected"
    | "contract_approved"
    | "installation"
    | "complete"
    | "community_engagement"
    | "other";
  title: string;
  dueDate: string | null;
  completedDate: string | null;
  note: string | null;
  /** The Spanish version, whole or none (the table's check refuses half of one). */
  titleEs: string | null;
  noteEs: string | null;
};

export async function saveMilestone(tx: DbOrTx, m: MilestoneInput) {
  const { id, ...values } = m;
  if (id) {
    const [row] = await tx.update(milestones).set(values).where(eq(milestones.id, id)).returning();
    return row ?? null;
  }
  const [row] = await tx.insert(milestones).values(values).returning();
  return row;
}

export async function createInitiative(
  tx: DbOrTx,
  i: {
    programSlug: string | null;
    name: string;
    description: string;
    nameEs: string | null;
    descriptionEs: string | null;
    serviceArea: (typeof initiatives.$inferInsert)["serviceArea"];
  },
) {
  const { programSlug, ...rest } = i;
  const [row] = await tx
    .insert(initiatives)
    .values({ ...rest, programId: await programIdBySlug(tx, programSlug) })
    .returning();
  return row;
}

export async function createMeeting(
  tx: DbOrTx,
  m: {
    meetingDate: string;
    title: string;
    location: string;
    summary: string;
    agendaTitle: string | null;
    programSlug: string | null;
    periodStart: string | null;
    periodEnd: string | null;
  },
) {
  const [meeting] = await tx
    .insert(councilMeetings)
    .values({ meetingDate: m.meetingDate, title: m.title, location: m.location, summary: m.summary })
    .returning();
  if (m.agendaTitle) {
    await tx.insert(agendaItems).values({
      meetingId: meeting.id,
      title: m.agendaTitle,
      programId: await programIdBySlug(tx, m.programSlug),
      periodStart: m.periodStart,
      periodEnd: m.periodEnd,
    });
  }
  return meeting;
}
