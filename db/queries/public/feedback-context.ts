import "server-only";
// What a resident may say their message is about (an area of the city, a well-being theme), the
// check of what they sent, and the counts the public pages show (never a message by itself).
import { asc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { queryRows } from "@/db/sql";
import { engagementThemes, feedbackContext } from "@/db/schema/content";
import { areas } from "@/db/schema/reference";

type Opts = { db?: DbOrTx };
const use = async (o: Opts) => o.db ?? (await getDb());

export async function feedbackChoices(o: Opts = {}) {
  const db = await use(o);
  const [areaRows, themeRows] = await Promise.all([
    db.select({ slug: areas.slug, name: areas.name }).from(areas).orderBy(asc(areas.name)),
    db
      .select({ id: engagementThemes.id, theme: engagementThemes.theme })
      .from(engagementThemes)
      .orderBy(asc(engagementThemes.theme)),
  ]);
  return { areas: areaRows, themes: themeRows };
}

export type FeedbackContext = { areaId: number | null; themeId: number | null };

/** The area slug and theme id a form sent, checked against the city's areas and the staff's themes. */
export async function resolveFeedbackContext(
  o: Opts & { area: string | null; theme: string | null },
): Promise<{ ok: true; context: FeedbackContext } | { ok: false; field: "area" | "theme"; message: string }> {
  const db = await use(o);
  let areaId: number | null = null;
  let themeId: number | null = null;
  if (o.area) {
    const [a] = await db.select({ id: areas.id }).from(areas).where(eq(areas.slug, o.area));
    if (!a) return { ok: false, field: "area", message: "Choose an area from the list, or leave it empty" };
    areaId = a.id;
  }
  if (o.theme) {
    const id = /^\d{1,9}$/.test(o.theme) ? Number(o.theme) : NaN;
    const [t] = Number.isInteger(id)
      ? await db.select({ id: engagementThemes.id }).from(engagementThemes).where(eq(engagementThemes.id, id))
      : [];
    if (!t) return { ok: false, field: "theme", message: "Choose a theme from the list, or leave it empty" };
    themeId = t.id;
  }
  return { ok: true, context: { areaId, themeId } };
}

export async function saveFeedbackContext(o: Opts & { feedbackId: number; context: FeedbackContext }): Promise<void> {
  if (o.context.areaId === null && o.context.themeId === null) return;
  const db = await use(o);
  await db.insert(feedbackContext).values({ feedbackId: o.feedbackId, ...o.context });
}

/** Messages filed through the portal per well-being theme (dismissed ones left out). */
export async function feedbackCountsByTheme(o: Opts = {}): Promise<Map<number, number>> {
  const db = await use(o);
  const rows = await queryRows<{ theme_id: number; n: number }>(
    db,
    sql`select c.theme_id, count(*)::int as n from feedback_context c join feedback f on f.id = c.feedback_id
         where c.theme_id is not null and f.status <> 'dismissed' group by 1`,
  );
  return new Map(rows.map((r) => [Number(r.theme_id), Number(r.n)]));
}
