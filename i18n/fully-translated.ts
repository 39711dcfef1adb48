// Which public pages are wholly in the reader's language. The public layout marks the others
// English and says so (a page joins once its fixed text comes from the messages); kept pure so a
// test can hold every public route to it.

/** Pages whose fixed text is all translated; on the others only headings are, the rest is English. */
const FULLY_TRANSLATED = new Set([
  "/",
  "/drones/nearby",
  "/feedback",
  "/feedback/new",
  "/data/methodology",
  "/policies",
  "/updates",
  "/findings",
  "/data",
  "/council",
  "/drones",
  "/drones/flights",
  "/cso",
  "/well-being",
  "/reports",
  "/plate-readers",
  "/cameras",
  "/cameras/access-log",
  "/council/prioritization",
  "/costs",
  "/audit",
  "/data/api",
  "/council/print",
]);
/** Pages with a path parameter whose fixed text is all translated. */
const FULLY_TRANSLATED_PATTERNS = [
  /^\/updates\/[^/]+$/,
  /^\/drones\/flights\/[^/]+$/,
  /^\/reports\/[^/]+\/[^/]+$/,
  /^\/policies\/[^/]+(\/diff)?$/,
  /^\/plate-readers\/searches\/[^/]+$/,
  /^\/cameras\/access-log\/[^/]+$/,
  /^\/feedback\/\d+$/,
];

export function isFullyTranslated(pathname: string): boolean {
  return FULLY_TRANSLATED.has(pathname) || FULLY_TRANSLATED_PATTERNS.some((re) => re.test(pathname));
}
