import Link from "next/link";
import { listCurrentPolicies } from "@/db/queries/public/content";
import { EditorForm } from "@/components/forms/editor-form";
import type { FieldSpec } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { formatDate } from "@/lib/format/numbers";
import { publishPolicyVersionAction } from "../_actions/policies";
import { previewMarkdown } from "../_actions/updates";
import { programOptions } from "../options";

export const dynamic = "force-dynamic";
export const metadata = { title: "Policies · Staff" };

function nextVersion(v: string): string {
  const parts = v.split(".").map(Number);
  parts[1] = (parts[1] ?? 0) + 1;
  return parts.slice(0, 2).join(".");
}

export default async function StaffPolicies({ searchParams }: { searchParams: Promise<{ slug?: string }> }) {
  await requireRolePage("staff", "admin");
  const policies = await listCurrentPolicies();
  const slug = (await searchParams).slug;
  const base = policies.find((p) => p.current.slug === slug)?.current;
  const fields: FieldSpec[] = [
    {
      name: "slug",
      label: "Policy id",
      required: true,
      hint: "Lower-case with dashes; an existing id adds a version to that policy.",
      defaultValue: base?.slug ?? "",
    },
    { name: "title", label: "Title", required: true, defaultValue: base?.title },
    {
      name: "program",
      label: "Program",
      type: "select",
      required: true,
      options: await programOptions("Choose a program"),
      defaultValue: base?.programSlug ?? "",
    },
    {
      name: "version",
      label: "Version",
      required: true,
      hint: base ? `Current version is ${base.version}.` : "For example 1.0.",
      defaultValue: base ? nextVersion(base.version) : "1.0",
    },
    { name: "effectiveDate", label: "Effective date", type: "date", required: true },
    {
      name: "adoptedBy",
      label: "Adopted by",
      required: true,
      hint: "For example: City Council, Resolution 2026-17.",
      defaultValue: base?.adoptedBy,
    },
    {
      name: "summary",
      label: "Plain-language summary (optional)",
      type: "textarea",
      rows: 3,
      hint: "A few sentences shown above the policy text.",
      defaultValue: base?.summary ?? "",
    },
    {
      name: "summaryEs",
      label: "Summary in Spanish (optional)",
      type: "textarea",
      rows: 3,
      hint: "Shown to Spanish readers above the policy text, which stays in English.",
      defaultValue: base?.summaryEs ?? "",
      lang: "es",
    },
  ];
  return (
    <>
      <h1>Policies</h1>
      <p className="lede">
        Every version is kept. Publishing a new version makes it the current one; the old one stays in the public
        history with a comparison.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Policies in force</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Current version</th>
              <th scope="col">Effective</th>
              <th scope="col">Versions</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map(({ current: p, versions }) => (
              <tr key={p.slug}>
                <td>
                  <Link href={`/policies/${p.slug}`}>{p.title}</Link>
                </td>
                <td>{p.version}</td>
                <td>{formatDate(p.effectiveDate)}</td>
                <td className="num">{versions}</td>
                <td>
                  <Link href={`/staff/policies?slug=${p.slug}#new-version`}>New version of {p.title}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="new-version">{base ? `New version of ${base.title}` : "Publish a policy version"}</h2>
      <EditorForm
        key={base?.slug ?? "new"}
        action={publishPolicyVersionAction}
        preview={previewMarkdown}
        fields={fields}
        bodyName="bodyMdx"
        bodyLabel="Policy text (Markdown)"
        bodyDefault={base?.bodyMdx ?? ""}
        submitLabel="Publish this version"
      />
    </>
  );
}
