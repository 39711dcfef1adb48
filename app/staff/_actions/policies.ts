"use server";
import { refusedState } from "@/lib/content/action-state";
import { policySchema } from "@/lib/content/policy-form";
import { action } from "@/server/action";
import { publishPolicyVersion } from "@/server/content/policies";

export const publishPolicyVersionAction = action({ roles: ["staff", "admin"], schema: policySchema }, async (ctx) => {
  const r = await publishPolicyVersion(ctx, ctx.data);
  if ("refused" in r) return refusedState(r, ctx.formData);
  return {
    ok: true,
    message: `Version ${r.row.version} published.`,
    link: { href: `/policies/${r.row.policySlug}`, label: "See the public policy page" },
  };
});
