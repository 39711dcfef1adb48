// "Come back to" targets after sign-in: only a same-origin path that is already in the form a
// browser would normalize it to. Anything else (schemes, `//host`, backslashes, control or
// whitespace characters, encoded slashes or dots, sign-in pages themselves) yields "" and the
// caller uses the role's home. Browsers strip tabs/newlines and treat `\` as `/`, so
// `/\t/evil.example` would leave the site if it were allowed through.
const BASE = "http://daylight.invalid";
const MAX_LENGTH = 2048;

export function safeNext(next: unknown): string {
  if (typeof next !== "string" || next.length === 0 || next.length > MAX_LENGTH) return "";
  // Control characters, any whitespace (tab, newline, NBSP, line separators …) and backslashes.
  if (/[\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff\\]/.test(next)) return "";
  if (!next.startsWith("/") || next.startsWith("//")) return "";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "";
  }
  if (url.origin !== BASE) return "";
  const normalized = url.pathname + url.search + url.hash;
  // Dot segments, doubled slashes and characters the URL parser would rewrite are refused
  // rather than repaired: a legitimate link never needs them.
  if (normalized !== next || url.pathname.includes("//")) return "";
  let decodedPath: string;
  try {
    decodedPath = decodeURIComponent(url.pathname);
  } catch {
    return "";
  }
  // Encoded variants of the above (%2F%2F, %5C, %09, %2E%2E …) in the path.
  if (
    /[\u0000-\u001f\u007f\\]/.test(decodedPath) ||
    decodedPath.includes("//") ||
    /(^|\/)\.\.?(\/|$)/.test(decodedPath)
  )
    return "";
  if (/^\/(signin|api\/auth)(\/|$|\?|#)/i.test(normalized)) return "";
  return normalized;
}
