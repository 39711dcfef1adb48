// Issue 21.7: staff give initiatives and milestones a Spanish version, like updates. The use cases
// (server/content/costs) take a whole Spanish version or none: half a translation is refused beside
// the missing field and writes nothing (no row, no audit entry, no public refresh); a whole one is
// stored and shown to Spanish readers, and the database itself refuses a half-written one.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, initiatives, milestones, programs } from "../../db/schema";
import { appendAudit } from "../../server/audit/log";
import type { ContentContext } from "../../server/content/context";
import { createInitiative, saveMilestone } from "../../server/content/costs";
import { localizeInitiative, localizeMilestone } from "../../lib/content/bilingual";
import { parseForm } from "../../lib/content/action-state";
import { initiativeSchema, milestoneSchema } from "../../lib/content/cost-forms";
import type { SessionUser } from "../../lib/auth/roles";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { addUsers } from "../helpers/findings";

let t: TestDb;
let staff: SessionUser;

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

const initiative = {
  program: "drones" as const,
  name: "Emergency response: drones as first responders",
  description: "Faster eyes on emergency calls from three docks.",
  serviceArea: "law_enforcement_emergency" as const,
  nameEs: null,
  descriptionEs: null,
};
const milestone = {
  id: null,
  kind: "vendor_selected" as const,
  title: "Vendor selection",
  dueDate: "2026-11-15",
  completedDate: null,
  note: "Three proposals under evaluation.",
  titleEs: null,
  noteEs: null,
};

beforeAll(async () => {
  t = await createTestDb();
  [staff] = await addUsers(t.db, [{ email: "staff-es@example.org", name: "Staff", role: "staff" }]);
  await t.db.insert(programs).values({ slug: "drones", name: "Drones", status: "pilot" });
}, 120_000);
afterAll(async () => t?.close());

describe(`initiatives and milestones in two languages (${dbMode})`, () => {
  it("refuses half a Spanish initiative, naming the missing field, and writes nothing", async () => {
    const noDescription = await contentStep((c) =>
      createInitiative(c, { ...initiative, nameEs: "Respuesta a emergencias: drones como primera respuesta" }),
    );
    expect(noDescription.result).toEqual({
      refused: { field: "descriptionEs", message: "Add the Spanish description, or leave the Spanish version empty" },
    });
    const noName = await contentStep((c) =>
      createInitiative(c, { ...initiative, descriptionEs: "Ojos más rápidos en las llamadas de emergencia." }),
    );
    expect(noName.result).toMatchObject({ refused: { field: "nameEs" } });
    // A Spanish description of an initiative that has no English one is refused on the English field.
    const noEnglish = await contentStep((c) =>
      createInitiative(c, { ...initiative, description: "", nameEs: "Drones", descriptionEs: "Solo en español." }),
    );
    expect(noEnglish.result).toMatchObject({ refused: { field: "description" } });
    for (const r of [noDescription, noName, noEnglish]) expect(r.after).toHaveLength(0);
    expect(await t.db.select().from(initiatives)).toHaveLength(0);
    expect(await audits("content.initiative.create")).toHaveLength(0);
  });

  it("stores a whole Spanish initiative and shows it to Spanish readers only", async () => {
    const { result, after } = await contentStep((c) =>
      createInitiative(c, {
        ...initiative,
        nameEs: "  Respuesta a emergencias: drones como primera respuesta ",
        descriptionEs: "Ojos más rápidos en las llamadas de emergencia, desde tres bases.",
      }),
    );
    expect(after).toHaveLength(1);
    if (!("row" in result)) throw new Error("refused");
    expect(localizeInitiative(result.row, "es")).toEqual({
      name: "Respuesta a emergencias: drones como primera respuesta",
      description: "Ojos más rápidos en las llamadas de emergencia, desde tres bases.",
      lang: "es",
    });
    expect(localizeInitiative(result.row, "en")).toEqual({
      name: initiative.name,
      description: initiative.description,
      lang: "en",
    });
    const [entry] = await audits("content.initiative.create");
    expect(entry.details).toMatchObject({ name: initiative.name, spanish: true });
  });

  it("refuses half a Spanish milestone on create and on edit, writing nothing", async () => {
    const [init] = await t.db.select().from(initiatives);
    const base = { ...milestone, initiativeId: init.id };
    const noNote = await contentStep((c) => saveMilestone(c, { ...base, titleEs: "Selección del proveedor" }));
    expect(noNote.result).toEqual({
      refused: { field: "noteEs", message: "Add the Spanish note, or leave the Spanish version empty" },
    });
    const noTitle = await contentStep((c) => saveMilestone(c, { ...base, noteEs: "Se evalúan tres propuestas." }));
    expect(noTitle.result).toMatchObject({ refused: { field: "titleEs" } });
    expect(await t.db.select().from(milestones)).toHaveLength(0);

    const saved = await contentStep((c) =>
      saveMilestone(c, { ...base, titleEs: "Selección del proveedor", noteEs: "Se evalúan tres propuestas." }),
    );
    if (!("row" in saved.result)) throw new Error("refused");
    const id = saved.result.row.id;
    expect(localizeMilestone(saved.result.row, "es")).toEqual({
      title: "Selección del proveedor",
      note: "Se evalúan tres propuestas.",
      lang: "es",
    });
    // Editing it to a half translation (an English note whose Spanish one was dropped) leaves it as it was.
    const half = await contentStep((c) =>
      saveMilestone(c, { ...base, id, note: "Four proposals.", titleEs: "Selección del proveedor", noteEs: null }),
    );
    expect(half.result).toMatchObject({ refused: { field: "noteEs" } });
    expect(half.after).toHaveLength(0);
    const [row] = await t.db.select().from(milestones).where(eq(milestones.id, id));
    expect([row.note, row.noteEs]).toEqual([milestone.note, "Se evalúan tres propuestas."]);
    expect(await audits("content.milestone.edit")).toHaveLength(0);

    // Without a Spanish version a Spanish reader gets the English text, which says its language.
    const english = await contentStep((c) => saveMilestone(c, { ...base, id }));
    if (!("row" in english.result)) throw new Error("refused");
    expect(localizeMilestone(english.result.row, "es")).toEqual({ title: milestone.title, note: milestone.note, lang: "en" });
    expect(await audits("content.milestone.edit")).toHaveLength(1);
  });

  it("the database refuses a half-written Spanish version too", async () => {
    const [init] = await t.db.select().from(initiatives);
    const half = t.db.insert(milestones).values({
      initiativeId: init.id,
      kind: "other",
      title: "Pilot evaluation to council",
      note: "Scheduled.",
      titleEs: "Evaluación del piloto ante el Concejo",
    });
    await expect(half).rejects.toThrow();
    const noName = t.db
      .insert(initiatives)
      .values({ name: "X", description: "", descriptionEs: "Algo", serviceArea: "neighborhood_livability" });
    await expect(noName).rejects.toThrow();
  });

  it("the staff forms take both languages, blank Spanish meaning none", () => {
    const form = (entries: Record<string, string>) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(entries)) fd.set(k, v);
      return fd;
    };
    const m = parseForm(
      milestoneSchema,
      form({ initiativeId: "1", kind: "other", title: "Docks installed", titleEs: "Bases instaladas", noteEs: " " }),
    );
    expect("data" in m && [m.data.titleEs, m.data.noteEs]).toEqual(["Bases instaladas", null]);
    const i = parseForm(
      initiativeSchema,
      form({ name: "Ballistic protection", serviceArea: "law_enforcement_emergency", nameEs: "", descriptionEs: "" }),
    );
    expect("data" in i && [i.data.nameEs, i.data.descriptionEs]).toEqual([null, null]);
  });
});
