// The client's address for rate limits and the audit log. Behind a proxy, the first
// x-forwarded-for entry is the client (the deployment's proxy must set it).
export function clientIp(h: Headers | null | undefined): string | undefined {
  if (!h) return undefined;
  const fwd = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return fwd || h.get("x-real-ip") || undefined;
}
