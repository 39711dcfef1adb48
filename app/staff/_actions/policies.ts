"use server";
import { policyHistory } from "@/db/queries/public/content";
import { insertPolicyVersion } from "@/db/queries/staff/content";
import { formValues } from "@/lib/content/action-state";
import { policySchema } from "@/lib/content/policy-form";
import { compareVersions } from "@/lib/content/policy-files";
import { action } from "@/server/action";
import { publicContentChanged } from "@/server/content-changed";

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
    summary: d.summary,
    summaryEs: d.summaryEs,
    userId: ctx.user.id,
  });
  await ctx.audit({
    action: "content.policy.publish",
    targetType: "policy_version",
    targetId: String(row.id),
    details: { slug: d.slug, version: d.version, previous: current?.version ?? null },
  });
  ctx.afterCommit(() => publicContentChanged("staff-policy"));
  return {
    ok: true,
    message: `Version ${row.version} published.`,
    link: { href: `/policies/${row.policySlug}`, label: "See the public policy page" },
  };
});

/** Staff pages and the public pages they feed show the saved data on the next render. */
