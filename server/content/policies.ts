import "server-only";
// Publishing a new version of a policy: it must number above the current one; the version and its
// audit entry share the caller's transaction, and the public policy pages follow after the commit.
import { policyHistory } from "@/db/queries/public/content";
import { insertPolicyVersion } from "@/db/queries/staff/content";
import { compareVersions } from "@/lib/content/policy-files";
import type { ProgramSlug } from "@/lib/vocab";
import { refused, type Refused } from "@/lib/content/action-state";
import { auditPublicChange, type ContentContext } from "./context";

export type PolicyVersionInput = {
  slug: string;
  program: ProgramSlug;
  title: string;
  version: string;
  effectiveDate: string;
  adoptedBy: string;
  bodyMdx: string;
  summary: string | null;
  summaryEs: string | null;
};

/** The new version, or the refusal of a version not above the current one (for its form field). */
export async function publishPolicyVersion(
  ctx: ContentContext,
  d: PolicyVersionInput,
): Promise<Refused | { row: Awaited<ReturnType<typeof insertPolicyVersion>> }> {
  const [current] = await policyHistory({ db: ctx.tx, slug: d.slug });
  if (current && compareVersions(d.version, current.version) <= 0)
    return refused("version", `Must be higher than the current version ${current.version}`);
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
  await auditPublicChange(ctx, "staff-policy", {
    action: "content.policy.publish",
    targetType: "policy_version",
    targetId: String(row.id),
    details: { slug: d.slug, version: d.version, previous: current?.version ?? null },
  });
  return { row };
}
