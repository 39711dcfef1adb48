// What the export form says beside its code field when the export was refused, and the page each
// dataset's form lives on (where a refused browser submission is sent back to).
export const EXPORT_ERRORS = {
  invalid_code: "Enter the 6-digit code from your authenticator app.",
  bad_code:
    "That code did not match. Each code works once, so after signing in wait for the next code your app shows, then try again.",
} as const;

export type ExportError = keyof typeof EXPORT_ERRORS;

export const EXPORT_PAGES = {
  camera_access: "/review/access",
  drone_flight: "/review/flights",
  alpr_search: "/review/alpr",
} as const;

export function exportErrorText(code: string | undefined): string | null {
  return code && Object.hasOwn(EXPORT_ERRORS, code) ? EXPORT_ERRORS[code as ExportError] : null;
}
