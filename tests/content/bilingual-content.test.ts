// Issue 21.7: staff publish an update or a policy summary in English and Spanish. The editor's
// schema accepts a whole Spanish version or none; the save path stores it; a Spanish reader gets it
// when it exists and the English text (marked English) when it does not; the database refuses a
// half-written Spanish version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { programs } from "@/db/schema/reference";
import { users } from "@/db/schema/auth";
import { programUpdates } from "@/db/schema/content";
import { getPublicUpdate, listPublicUpdates, policyHistory } from "@/db/queries/public/content";
import { getUpdate, insertPolicyVersion, saveUpdate } from "@/db/queries/staff/content";
import { parseForm } from "@/lib/content/action-state";
import { langWhereDifferent, localizeSummary, localizeUpdate } from "@/lib/content/bilingual";
import { policySchema } from "@/lib/content/policy-form";
import { updateSchema } from "@/lib/content/update-form";
import { demoCivic } from "@/server/seed/civic";
import { addDays } from "@/server/seed/calendar";

const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.set(k, v);
  return fd;
};
const english = {
  id: "",
  title: "Drone dock moves to the library roof",
  program: "drones",
  summary: "A dock moves.",
  bodyMarkdown: "The north dock moves to the library roof next month.",
  status: "published",
  publishAt: "",
};
const spanish = {
  titleEs: "La base de drones se muda al techo de la biblioteca",
  summaryEs: "Una base cambia de lugar.",
  bodyMarkdownEs: "La base norte se muda al techo de la biblioteca el mes próximo.",
};

let t: TestDb;
let userId: number;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.insert(programs).values([{ slug: "drones", name: "Drones", status: "pilot" }]);
  [{ id: userId }] = await t.db
    .insert(users)
    .values({ email: "staff-es@example.test", name: "Staff Person", role: "staff" })
    .returning({ id: users.id });
});
afterAll(async () => t?.close());

describe("the update editor's Spanish fields", () => {
  it("are optional: an English-only update parses with no Spanish version", () => {
    const r = parseForm(updateSchema, form({ ...english, titleEs: "", summaryEs: "", bodyMarkdownEs: "" }));
    expect("data" in r && [r.data.titleEs, r.data.summaryEs, r.data.bodyMarkdownEs]).toEqual([null, null, null]);
  });

  it("accept a whole Spanish version", () => {
    const r = parseForm(updateSchema, form({ ...english, ...spanish }));
    expect("data" in r && r.data.titleEs).toBe(spanish.titleEs);
    expect("data" in r && r.data.bodyMarkdownEs).toBe(spanish.bodyMarkdownEs);
  });

  it("refuse half a Spanish version, naming the missing field", () => {
    const noBody = parseForm(updateSchema, form({ ...english, titleEs: spanish.titleEs }));
    expect("state" in noBody && noBody.state.errors).toEqual({
      bodyMarkdownEs: ["Add the Spanish text, or leave the Spanish version empty"],
    });
    const noTitle = parseForm(updateSchema, form({ ...english, bodyMarkdownEs: spanish.bodyMarkdownEs }));
    expect("state" in noTitle && Object.keys(noTitle.state.errors ?? {})).toEqual(["titleEs"]);
    const short = parseForm(updateSchema, form({ ...english, ...spanish, titleEs: "Hola" }));
    expect("state" in short && short.state.errors?.titleEs?.[0]).toMatch(/at least 5 characters/);
  });

  it("policy summaries are optional and checked", () => {
    const base = {
      slug: "drones",
      title: "Drone use policy",
      program: "drones",
      version: "2.0",
      effectiveDate: "2026-01-01",
      adoptedBy: "City Council",
      bodyMdx: "x".repeat(120),
    };
    const none = parseForm(policySchema, form({ ...base, summary: "", summaryEs: "  " }));
    expect("data" in none && [none.data.summary, none.data.summaryEs]).toEqual([null, null]);
    const bad = parseForm(policySchema, form({ ...base, summaryEs: "Corto" }));
    expect("state" in bad && Object.keys(bad.state.errors ?? {})).toEqual(["summaryEs"]);
  });
});

describe(`bilingual content saved and read back (${dbMode})`, () => {
  it("stores the Spanish version and shows it to Spanish readers only", async () => {
    const row = await saveUpdate(t.db, {
      title: english.title,
      summary: english.summary,
      bodyMarkdown: english.bodyMarkdown,
      ...spanish,
      programSlug: "drones",
      status: "published",
      publishAt: null,
      authorUserId: userId,
    });
    const u = await getPublicUpdate({ db: t.db, slug: row!.slug });
    expect(u).not.toBeNull();
    expect(localizeUpdate(u, "es")).toEqual({
      title: spanish.titleEs,
      summary: spanish.summaryEs,
      bodyMarkdown: spanish.bodyMarkdownEs,
      lang: "es",
    });
    expect(localizeUpdate(u, "en")).toMatchObject({ title: english.title, lang: "en" });
    const listed = (await listPublicUpdates({ db: t.db })).find((x) => x.slug === row!.slug);
    expect(listed && localizeUpdate(listed, "es").title).toBe(spanish.titleEs);

    // Editing the update without its Spanish version removes it: Spanish readers get the English text, marked.
    await saveUpdate(t.db, {
      id: row!.id,
      title: english.title,
      summary: english.summary,
      bodyMarkdown: english.bodyMarkdown,
      programSlug: "drones",
      status: "published",
      publishAt: null,
      authorUserId: userId,
    });
    const after = await getUpdate({ db: t.db, id: row!.id });
    expect([after?.titleEs, after?.summaryEs, after?.bodyMarkdownEs]).toEqual([null, null, null]);
    const shown = localizeUpdate(after!, "es");
    expect(shown).toMatchObject({ title: english.title, lang: "en" });
    expect(langWhereDifferent(shown.lang, "es")).toBe("en");
  });

  it("refuses a Spanish title without its text, leaving nothing written", async () => {
    const before = (await t.db.select({ id: programUpdates.id }).from(programUpdates)).length;
    await expect(
      t.db.insert(programUpdates).values({
        slug: "half-spanish",
        title: "Half",
        bodyMarkdown: "English text of at least twenty characters.",
        titleEs: "Mitad",
      }),
    ).rejects.toThrow();
    expect((await t.db.select({ id: programUpdates.id }).from(programUpdates)).length).toBe(before);
    expect(await t.db.select().from(programUpdates).where(eq(programUpdates.slug, "half-spanish"))).toEqual([]);
  });

  it("stores a policy version's summaries; a Spanish reader gets the Spanish one, else the English", async () => {
    await insertPolicyVersion(t.db, {
      slug: "drones",
      programSlug: "drones",
      title: "Drone use policy",
      version: "1.0",
      effectiveDate: "2026-01-01",
      adoptedBy: "City Council",
      bodyMdx: "Body.\n",
      summary: "Drones fly only to calls for service.",
      summaryEs: "Los drones vuelan solo a llamadas de servicio.",
      userId,
    });
    await insertPolicyVersion(t.db, {
      slug: "drones",
      programSlug: "drones",
      title: "Drone use policy",
      version: "1.1",
      effectiveDate: "2026-02-01",
      adoptedBy: "City Council",
      bodyMdx: "Body.\n",
      summary: "Drones fly only to calls for service, day and night.",
      userId,
    });
    const [v11, v10] = await policyHistory({ db: t.db, slug: "drones" });
    expect(localizeSummary(v10, "es")).toEqual({ text: "Los drones vuelan solo a llamadas de servicio.", lang: "es" });
    expect(localizeSummary(v10, "en")).toEqual({ text: "Drones fly only to calls for service.", lang: "en" });
    expect(localizeSummary(v11, "es")).toEqual({ text: "Drones fly only to calls for service, day and night.", lang: "en" });
  });
});

describe("the demo's Spanish updates", () => {
  const MESES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" ");
  const MONTHS = "January February March April May June July August September October November December".split(" ");
  const iso = (y: string, m: number, d: string) => `${y}-${String(m + 1).padStart(2, "0")}-${d.padStart(2, "0")}`;
  const datesEn = (s: string) =>
    [...s.matchAll(/([A-Z][a-z]+) (\d{1,2}), (\d{4})/g)].map((m) => iso(m[3], MONTHS.indexOf(m[1]), m[2]));
  const datesEs = (s: string) =>
    [...s.matchAll(/(\d{1,2}) de ([a-z]+) de (\d{4})/g)].map((m) => iso(m[3], MESES.indexOf(m[2]), m[1]));

  it("every published demo update has a whole Spanish version naming the same dates", () => {
    const { updates } = demoCivic(addDays("2026-01-01", -365), 60);
    const published = updates.filter((u) => !u.draft);
    expect(published.length).toBeGreaterThan(3);
    for (const u of published) {
      expect(u.es, u.slug).toBeDefined();
      expect(u.es!.title.length, u.slug).toBeGreaterThanOrEqual(5);
      expect(u.es!.body.length, u.slug).toBeGreaterThanOrEqual(20);
      expect(datesEs(u.es!.body), u.slug).toEqual(datesEn(u.body));
    }
    // At least one update names dates, so the comparison above is not vacuous.
    expect(published.some((u) => datesEn(u.body).length > 0)).toBe(true);
  });
});
