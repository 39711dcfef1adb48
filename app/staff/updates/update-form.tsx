import { EditorForm } from "@/components/forms/editor-form";
import type { FieldSpec } from "@/components/forms/action-form";
import { previewMarkdown, saveUpdateAction } from "../_actions/updates";
import { programOptions } from "../options";

type Existing = {
  id: number;
  title: string;
  summary: string;
  bodyMarkdown: string;
  titleEs: string;
  summaryEs: string;
  bodyMarkdownEs: string;
  status: string;
  programSlug: string | null;
  publishAtLocal: string;
};

/** The update editor, for a new update or an existing one. */
export async function UpdateForm({ existing }: { existing?: Existing }) {
  const fields: FieldSpec[] = [
    { name: "id", label: "", type: "hidden", defaultValue: existing ? String(existing.id) : "" },
    { name: "title", label: "Title", required: true, defaultValue: existing?.title },
    {
      name: "program",
      label: "Program",
      type: "select",
      options: await programOptions("All programs"),
      defaultValue: existing?.programSlug ?? "",
    },
    {
      name: "summary",
      label: "One-sentence summary",
      hint: "Shown in the list of updates and the feed.",
      defaultValue: existing?.summary,
    },
  ];
  const after: FieldSpec[] = [
    // The optional Spanish version (Spanish readers see it; without it they see the English text).
    {
      name: "titleEs",
      label: "Spanish version: headline (optional)",
      hint: "Fill in the Spanish headline and text together, or leave all three Spanish fields empty.",
      defaultValue: existing?.titleEs,
      lang: "es",
    },
    {
      name: "summaryEs",
      label: "Spanish version: one-line summary (optional)",
      defaultValue: existing?.summaryEs,
      lang: "es",
    },
    {
      name: "bodyMarkdownEs",
      label: "Spanish version: text in Markdown (optional)",
      type: "textarea",
      rows: 10,
      defaultValue: existing?.bodyMarkdownEs,
      lang: "es",
    },
    {
      name: "status",
      label: "Publishing",
      type: "radio",
      required: true,
      defaultValue: existing?.status ?? "draft",
      options: [
        { value: "draft", label: "Save as draft" },
        { value: "scheduled", label: "Schedule" },
        { value: "published", label: "Publish now" },
      ],
    },
    {
      name: "publishAt",
      label: "Publish at (city time)",
      type: "datetime-local",
      hint: "Only for scheduled updates.",
      defaultValue: existing?.publishAtLocal,
    },
  ];
  return (
    <EditorForm
      action={saveUpdateAction}
      preview={previewMarkdown}
      fields={fields}
      bodyName="bodyMarkdown"
      bodyLabel="Text (Markdown)"
      bodyDefault={existing?.bodyMarkdown ?? ""}
      afterFields={after}
      submitLabel="Save"
    />
  );
}
