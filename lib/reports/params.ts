// The address of an annual report, /reports/<program>/<year>: a known program and a four-digit year.
import { z } from "zod";
import { PROGRAM_SLUGS } from "../vocab";

const schema = z.object({
  program: z.enum(PROGRAM_SLUGS, { error: `program must be one of ${PROGRAM_SLUGS.join(", ")}` }),
  year: z
    .string()
    .regex(/^\d{4}$/, "year must be four digits, such as 2026")
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, "year must be between 2000 and 2100"),
});

export type ReportParams = z.infer<typeof schema>;

/** The parsed address, or the plain reason it is not one. */
export function checkReportParams(raw: { program: string; year: string }): ReportParams | { error: string } {
  const r = schema.safeParse(raw);
  return r.success ? r.data : { error: r.error.issues.map((i) => i.message).join("; ") };
}

export function parseReportParams(raw: { program: string; year: string }): ReportParams | null {
  const r = checkReportParams(raw);
  return "error" in r ? null : r;
}
