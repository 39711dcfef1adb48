import "server-only";
// Select options shared by the staff forms.
import { listPrograms } from "@/db/queries/public/content";
import type { Option } from "@/components/forms/action-form";

export async function programOptions(blankLabel = "— None —"): Promise<Option[]> {
  const programs = await listPrograms();
  return [{ value: "", label: blankLabel }, ...programs.map((p) => ({ value: p.slug, label: p.name }))];
}
