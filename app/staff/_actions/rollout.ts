"use server";
// Staff record the council's rollout decision: which areas, what stage, why, and the vote.
import { z } from "zod";
import { blankToNull } from "@/lib/content/action-state";
import { PROGRAM_SLUGS, ROLLOUT_STATUSES, VOTE_RESULTS } from "@/lib/vocab";
import { action } from "@/server/action";
import { recordRollout } from "@/server/content/rollout";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date (YYYY-MM-DD)");
const votes = z.coerce
  .number({ error: "Enter a number of votes" })
  .int("Enter a whole number of votes")
  .min(0, "Votes cannot be negative")
  .max(99, "Enter a number of votes");

const schema = z
  .object({
    program: z.enum(PROGRAM_SLUGS, { error: "Choose a technology" }),
    areas: z
      .string()
      .trim()
      .min(1, "Choose at least one area")
      .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))]),
    status: z.enum(ROLLOUT_STATUSES, { error: "Choose a stage" }),
    decidedOn: isoDate,
    liveOn: z.preprocess(blankToNull, isoDate.nullable()),
    reason: z
      .string()
      .trim()
      .min(10, "Say why these areas, in a sentence or two")
      .max(600, "Keep it under 600 characters"),
    motion: z.string().trim().min(5, "Write the motion the council voted on").max(300),
    result: z.enum(VOTE_RESULTS, { error: "Choose the result" }),
    ayes: votes,
    noes: votes,
    abstentions: votes,
  })
  .superRefine((v, c) => {
    if (v.status === "live" && !v.liveOn)
      c.addIssue({ code: "custom", path: ["liveOn"], message: "Give the date it went live" });
    if (v.liveOn && v.liveOn < v.decidedOn)
      c.addIssue({ code: "custom", path: ["liveOn"], message: "It cannot go live before the decision" });
    if (v.result === "passed" && v.ayes <= v.noes)
      c.addIssue({ code: "custom", path: ["ayes"], message: "A motion that passed needs more ayes than noes" });
  });

export const recordRolloutAction = action({ roles: ["staff", "admin"], schema }, async (ctx) => {
  const n = ctx.data.areas.length;
  await recordRollout(ctx, ctx.data);
  return {
    ok: true,
    message: `Decision recorded for ${n} area${n === 1 ? "" : "s"}.`,
    link: { href: "/council/prioritization#decisions", label: "See it on the prioritization page" },
  };
});
