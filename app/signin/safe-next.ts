// Only same-site paths are allowed as "come back to" targets (no open redirects).
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "";
  if (next.startsWith("/signin") || next.startsWith("/api/auth")) return "";
  return next;
}
