// Where and what a resident's message is about, when they say: the area (division or neighborhood,
// the city's area kind) and the well-being theme. Counted by area for rollout prioritization and by
// theme on the well-being page; never shown per message.
import { index, integer, pgTable } from "drizzle-orm/pg-core";
import { engagementThemes, feedback } from "./content";
import { areas } from "./reference";

export const feedbackContext = pgTable(
  "feedback_context",
  {
    feedbackId: integer("feedback_id")
      .primaryKey()
      .references(() => feedback.id, { onDelete: "cascade" }),
    areaId: integer("area_id").references(() => areas.id, { onDelete: "cascade" }),
    themeId: integer("theme_id").references(() => engagementThemes.id, { onDelete: "set null" }),
  },
  (t) => [index("feedback_context_area").on(t.areaId), index("feedback_context_theme").on(t.themeId)],
);
