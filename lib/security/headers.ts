// Security headers for every response (ASVS 14.4 / 3.4). Scripts run only with this request's
// nonce ('strict-dynamic' lets Next's own chunks load what they need), or, on a public page served
// from the cache between publications, only if they are the page's own inline scripts (their
// hashes, see page-cache.ts) or files from the portal itself; never 'unsafe-inline'. Styles allow
// inline attributes because React writes `style="…"`, which nonces cannot cover.

export type HeaderOptions = {
  /** Fresh per request, base64. */
  nonce?: string;
  /** Instead of a nonce: `'sha256-…'` sources of a cached page's own inline scripts. */
  scriptHashes?: string[];
  /** Served over https (HSTS only then: over http it would be meaningless or wrong). */
  https: boolean;
  /** `next dev` needs eval for its error overlay and fast refresh. */
  dev?: boolean;
  /** Extra origins a form may post or redirect to (the city's identity provider). */
  formTargets?: string[];
};

export function contentSecurityPolicy(o: HeaderOptions): string {
  const script = [
    "'self'",
    ...(o.nonce !== undefined ? [`'nonce-${o.nonce}'`, "'strict-dynamic'"] : (o.scriptHashes ?? [])),
    ...(o.dev ? ["'unsafe-eval'"] : []),
  ];
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    ["connect-src", ["'self'", ...(o.dev ? ["ws:"] : [])]],
    ["worker-src", ["'self'", "blob:"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'", ...(o.formTargets ?? [])]],
    ["frame-ancestors", ["'none'"]],
    ["frame-src", ["'none'"]],
    ["manifest-src", ["'self'"]],
  ];
  const list = directives.map(([k, v]) => `${k} ${v.join(" ")}`);
  if (o.https) list.push("upgrade-insecure-requests");
  return list.join("; ");
}

/** Features the portal never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "browsing-topics=()",
  "camera=()",
  "display-capture=()",
  "encrypted-media=()",
  "fullscreen=(self)",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Headers that do not depend on the request: safe for static files too (next.config.js). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": PERMISSIONS_POLICY,
  "Cross-Origin-Opener-Policy": "same-origin",
};

export const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(o: HeaderOptions): Record<string, string> {
  return {
    ...STATIC_SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(o),
    ...(o.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/** 128 random bits, base64: unguessable and valid in a CSP nonce-source. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
