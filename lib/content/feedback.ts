// What a resident's feedback is about, and the form's validation. Targets are public permalink
// ids only ("flight:<public id>"), never raw record ids.
import { z } from "zod";

export const targetTypes = ["program", "policy", "flight", "access", "search", "general"] as const;
export type TargetType = (typeof targetTypes)[number];

export const programChoices = [
  { slug: "drones", label: "Drones" },
  { slug: "fixed_cameras", label: "Fixed cameras" },
  { slug: "watch_center", label: "Watch center" },
  { slug: "plate_readers", label: "License plate readers" },
  { slug: "cso", label: "Community Safety Officers" },
] as const;

const programSlugs = programChoices.map((p) => p.slug) as [string, ...string[]];

/** "flight:abc123" → {type, ref}; anything unparseable is treated as general feedback. */
export function parseTarget(raw: string | null | undefined): { type: TargetType; ref: string | null } {
  const m = /^(program|policy|flight|access|search):([A-Za-z0-9_.-]{1,80})$/.exec((raw ?? "").trim());
  if (!m) return { type: "general", ref: null };
  return { type: m[1] as TargetType, ref: m[2] };
}

/** The program a target implies, when it implies one. */
export function programForTarget(t: { type: TargetType; ref: string | null }): string | null {
  if (t.type === "flight") return "drones";
  if (t.type === "access") return "fixed_cameras";
  if (t.type === "search") return "plate_readers";
  if (t.type === "program" && t.ref && programSlugs.includes(t.ref)) return t.ref;
  return null;
}

const optionalText = (max: number) =>
  z.string().trim().max(max, `Keep this under ${max} characters`).optional().transform((v) => (v ? v : null));

export const feedbackFormSchema = z.object({
  kind: z.enum(["feedback", "complaint"], { error: "Choose feedback or complaint" }),
  program: z.enum(programSlugs, { error: "Choose the program this is about" }),
  target: z.string().trim().max(100).optional(),
  /** Optional: the area (division or neighborhood) and the well-being theme it is about. */
  area: optionalText(80),
  theme: optionalText(12),
  body: z.string().trim().min(10, "Please write at least 10 characters").max(5000, "Keep this under 5,000 characters"),
  contactName: optionalText(120),
  contactEmail: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.email("Enter a valid email address, or leave it empty").nullable()),
  /** Honeypot: people never see or fill it; bots do. */
  website: z.string().optional(),
});

export const statusLabels: Record<string, string> = {
  new: "Received",
  triaged: "Triaged",
  in_progress: "Being looked into",
  resolved: "Resolved",
  dismissed: "Closed without action",
};

const kindLabel = { feedback: "Feedback", complaint: "Complaint" } as const;

/** What a message is about, in words: "the Drones program", "drone flight 7f3a2c", "the Plate readers policy". */
export function targetLabel(type: string, ref: string | null): string {
  if (!ref) return "the programs in general";
  if (type === "program") {
    const p = programChoices.find((c) => c.slug === ref);
    return p ? `the ${p.label} program` : `a program (${ref})`;
  }
  if (type === "policy") {
    const words = ref.replace(/[-_]+/g, " ").trim();
    return `the ${words.charAt(0).toUpperCase()}${words.slice(1)} policy`;
  }
  if (type === "flight") return `drone flight ${ref}`;
  if (type === "access") return `camera access ${ref}`;
  if (type === "search") return `plate-reader search ${ref}`;
  return "the programs in general";
}

/** A triage card's heading: "#12 Complaint about drone flight 7f3a2c · Drones". */
export function feedbackHeading(f: {
  id: number;
  kind: string;
  programName: string | null;
  targetType: string;
  targetRef: string | null;
}): string {
  const kind = kindLabel[f.kind as keyof typeof kindLabel] ?? "Message";
  const about = targetLabel(f.targetType, f.targetRef);
  const program = f.targetType === "program" && f.targetRef ? "" : ` · ${f.programName ?? "no program chosen"}`;
  return `#${f.id} ${kind} about ${about}${program}`;
}
