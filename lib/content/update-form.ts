// The zod schema behind the staff update editor, kept out of the "use server" module so tests can
// parse real FormData with it. The Spanish version is optional and whole: a title and a text, or none.
import { z } from "zod";
import { PROGRAM_SLUGS } from "../vocab";
import { blankToNull } from "./action-state";

export const updateSchema = z
  .object({
    id: z.preprocess(blankToNull, z.coerce.number().int().positive().nullable()),
    title: z
      .string()
      .trim()
      .min(5, "Give the update a title of at least 5 characters")
      .max(160, "Keep the title under 160 characters"),
    program: z.preprocess(blankToNull, z.enum(PROGRAM_SLUGS, { error: "Choose a program from the list" }).nullable()),
    summary: z.string().trim().max(300, "Keep the summary under 300 characters").default(""),
    bodyMarkdown: z
      .string()
      .trim()
      .min(20, "Write at least 20 characters")
      .max(50_000, "The update is too long (50,000 characters at most)"),
    // The Spanish version is optional; when given, it has a title and a text like the English one.
    titleEs: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .min(5, "Give the Spanish headline at least 5 characters, or leave the Spanish version empty")
        .max(160, "Keep the Spanish headline under 160 characters")
        .nullable(),
    ),
    summaryEs: z.preprocess(
      blankToNull,
      z.string().trim().max(300, "Keep the Spanish summary under 300 characters").nullable(),
    ),
    bodyMarkdownEs: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .min(20, "Write at least 20 characters of Spanish text, or leave the Spanish version empty")
        .max(50_000, "The Spanish text is too long (50,000 characters at most)")
        .nullable(),
    ),
    status: z.enum(["draft", "scheduled", "published"], { error: "Choose save as draft, schedule, or publish now" }),
    publishAt: z.preprocess(
      blankToNull,
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, "Use the date and time picker")
        .nullable(),
    ),
  })
  .superRefine((v, ctx) => {
    if (v.status === "scheduled" && !v.publishAt)
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose when a scheduled update goes public" });
    if ((v.titleEs || v.summaryEs) && !v.bodyMarkdownEs)
      ctx.addIssue({
        code: "custom",
        path: ["bodyMarkdownEs"],
        message: "Add the Spanish text, or leave the Spanish version empty",
      });
    if ((v.bodyMarkdownEs || v.summaryEs) && !v.titleEs)
      ctx.addIssue({
        code: "custom",
        path: ["titleEs"],
        message: "Add the Spanish headline, or leave the Spanish version empty",
      });
  });

