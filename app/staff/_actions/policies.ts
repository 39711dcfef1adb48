"use server";
import { revalidatePath } from "next/cache";
import { publishSoon } from "@/server/jobs";
import { z } from "zod";
import { getDb } from "@/db/client";
import { policyHistory } from "@/db/queries/public/content";
import { insertPolicyVersion } from "@/db/queries/staff/content";
import { appendAudit } from "@/server/audit/log";
import { parseForm, formValues, type ActionState } from "@/lib/content/action-state";
import { compareVersions } from "@/lib/content/policy-files";
import { programSlugs, requireStaff } from "./guard";

const policySchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lower-case letters, digits and dashes, e.g. drones"),
  title: z.string().trim().min(5, "Give the policy a title").max(160),
  program: z.enum(programSlugs, { error: "Choose the program this policy governs" }),
  version: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+){0,2}$/, "Use a version number like 1.2"),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Choose the date it takes effect"),
  adoptedBy: z.string().trim().min(3, "Say who adopted it, e.g. City Council, Resolution 2026-17").max(200),
  bodyMdx: z.string().trim().min(100, "The policy text must be at least 100 characters").max(100_000),
});

export async function publishPolicyVersionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const g = await requireStaff();
  if ("state" in g) return g.state;
  const parsed = parseForm(policySchema, formData);
  if ("state" in parsed) return parsed.state;
  const d = parsed.data;
  const db = await getDb();
  const history = await policyHistory({ db, slug: d.slug });
  const current = history[0];
  if (current && compareVersions(d.version, current.version) <= 0) {
    return {
      ok: false,
      message: "Please correct the fields marked below.",
      errors: { version: [`Must be higher than the current version ${current.version}`] },
      values: formValues(formData),
    };
  }
  const row = await db.transaction(async (tx) => {
    const v = await insertPolicyVersion(tx, {
      slug: d.slug,
      programSlug: d.program,
      title: d.title,
      version: d.version,
      effectiveDate: d.effectiveDate,
      adoptedBy: d.adoptedBy,
      bodyMdx: d.bodyMdx + "\n",
      userId: g.user.id,
    });
    await appendAudit(tx, {
      ...g.actor,
      action: "content.policy.publish",
      targetType: "policy_version",
      targetId: String(v.id),
      details: { slug: d.slug, version: d.version, previous: current?.version ?? null },
    });
    return v;
  });
  refresh();
  return {
    ok: true,
    message: `Version ${row.version} published.`,
    link: { href: `/policies/${row.policySlug}`, label: "See the public policy page" },
  };
}

/** Staff pages and the public pages they feed show the saved data on the next render. */
function refresh() {
  revalidatePath("/", "layout");
  void publishSoon("staff-policy");
}
