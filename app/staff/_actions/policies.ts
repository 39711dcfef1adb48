"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { z } from "zod";
import { policyHistory } from "@/db/queries/public/content";
import { insertPolicyVersion } from "@/db/queries/staff/content";
import { formValues } from "@/lib/content/action-state";
import { compareVersions } from "@/lib/content/policy-files";
import { PROGRAM_SLUGS } from "@/lib/vocab";
import { action } from "@/server/action";

const policySchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and dashes, e.g. drones"),
  title: z.string().trim().min(5, "Give the policy a title").max(160),
  program: z.enum(PROGRAM_SLUGS, { error: "Choose the program this policy governs" }),
  version: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+){0,2}$/, "Use a version number like 1.2"),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date it takes effect"),
  adoptedBy: z.string().trim().min(3, "Say who adopted it, e.g. City Council, Resolution 2026-17").max(200),
  bodyMdx: z.string().trim().min(100, "The policy text must be at least 100 characters").max(100_000),
});

export const publishPolicyVersionAction = action({ roles: ["staff", "admin"], schema: policySchema }, async (ctx) => {
  const d = ctx.data;
  const history = await policyHistory({ db: ctx.tx, slug: d.slug });
  const current = history[0];
  if (current && compareVersions(d.version, current.version) <= 0) {
    return {
      ok: false,
      message: "Please correct the fields marked below.",
      errors: { version: [`Must be higher than the current version ${current.version}`] },
      values: formValues(ctx.formData),
    };
  }
  const row = await insertPolicyVersion(ctx.tx, {
    slug: d.slug,
    programSlug: d.program,
    title: d.title,
    version: d.version,
    effectiveDate: d.effectiveDate,
    adoptedBy: d.adoptedBy,
    bodyMdx: d.bodyMdx + "\n",
    userId: ctx.user.id,
  });
  await ctx.audit({
    action: "content.policy.publish",
    targetType: "policy_version",
    targetId: String(row.id),
    details: { slug: d.slug, version: d.version, previous: current?.version ?? null },
  });
  ctx.afterCommit(refresh);
  return {
    ok: true,
    message: `Version ${row.version} published.`,
    link: { href: `/policies/${row.policySlug}`, label: "See the public policy page" },
  };
});

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-policy");
}
