import "server-only";
// Demo feedback residents filed through the portal's form naming their area (division or
// neighborhood) and a well-being theme: what the prioritization's community feedback factor and the
// well-being page's counts by theme read. Staff-style engagement themes come first, as staff would
// enter them on /staff/well-being.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { engagementThemes, feedback, feedbackContext } from "../../db/schema";
import type { ServiceArea } from "../../lib/vocab";
import { addDays } from "./calendar";
import type { SeedRef } from "./reference";
import { createRng } from "./rng";

const THEMES: { theme: string; serviceArea: ServiceArea | null; comments: number; summary: string; weight: number }[] =
  [
    {
      theme: "Cameras and privacy",
      serviceArea: "law_enforcement_emergency",
      comments: 142,
      summary: "Residents asked who can watch the cameras, for how long video is kept, and how misuse is caught.",
      weight: 4,
    },
    {
      theme: "Street lighting and safe routes",
      serviceArea: "neighborhood_livability",
      comments: 97,
      summary: "Many asked for lighting and repaired sidewalks on routes to schools and transit before new cameras.",
      weight: 3,
    },
    {
      theme: "Mental health response",
      serviceArea: "health_human_services",
      comments: 88,
      summary: "Residents want trained responders, not patrol officers, sent to people in crisis.",
      weight: 2,
    },
    {
      theme: "Response times",
      serviceArea: "law_enforcement_emergency",
      comments: 64,
      summary: "Some neighborhoods said help takes too long to arrive after a call.",
      weight: 2,
    },
  ];

const BODIES = [
  "Please tell us when the crime center will cover our area and what it will watch.",
  "We would rather see more lighting and patrols than more cameras here.",
  "Our block has had several car break-ins; we support connecting the street cameras.",
  "How will you make sure the cameras near the park are not used to follow people?",
  "The response to our call last month took over an hour.",
  "More outreach workers for people living outside near the station, please.",
];

export async function seedAreaFeedback(tx: DbOrTx, ref: SeedRef, pilotStart: string, seed: number): Promise<number> {
  await tx
    .insert(engagementThemes)
    .values(THEMES.map(({ weight: _w, ...t }) => t))
    .onConflictDoNothing({ target: engagementThemes.theme });
  const themes = await tx
    .select({ id: engagementThemes.id, theme: engagementThemes.theme })
    .from(engagementThemes)
    .where(
      inArray(
        engagementThemes.theme,
        THEMES.map((t) => t.theme),
      ),
    );
  const themeMix = THEMES.map((t) => [themes.find((x) => x.theme === t.theme)!.id, t.weight] as const);
  const rng = createRng(seed, "area-feedback");
  const programs = [ref.programIds.watch_center, ref.programIds.fixed_cameras, ref.programIds.cso];
  const rows: { message: typeof feedback.$inferInsert; areaId: number; themeId: number | null }[] = [];
  for (const area of ref.areas) {
    const n = rng.int(3, 16);
    for (let k = 0; k < n; k++)
      rows.push({
        areaId: area.id,
        themeId: rng.chance(0.75) ? rng.weighted(themeMix) : null,
        message: {
          kind: rng.chance(0.3) ? "complaint" : "feedback",
          programId: rng.pick(programs),
          targetType: "general",
          targetRef: null,
          body: rng.pick(BODIES),
          status: "triaged",
          createdAt: new Date(
            `${addDays(pilotStart, rng.int(0, 360))}T${String(rng.int(15, 23)).padStart(2, "0")}:00:00Z`,
          ),
        },
      });
  }
  if (rows.length === 0) return 0;
  const ids = await tx
    .insert(feedback)
    .values(rows.map((r) => r.message))
    .returning({ id: feedback.id });
  await tx
    .insert(feedbackContext)
    .values(ids.map((r, i) => ({ feedbackId: r.id, areaId: rows[i].areaId, themeId: rows[i].themeId })));
  return rows.length;
}
