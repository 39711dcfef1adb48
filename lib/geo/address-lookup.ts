// Finds a typed address or intersection in the city's address points, locally: no geocoder and
// no outside request. "main and 3rd", "3rd St / Main St" and "Main Street & 3rd Street" all find
// "Main St & 3rd St". An ambiguous or unknown entry returns the closest names as suggestions.
export type NamedPoint = { name: string; lat: number; lon: number };
export type AddressMatch = { found: NamedPoint } | { found: null; suggestions: string[] };

const WORDS: Record<string, string> = {
  street: "st",
  avenue: "ave",
  av: "ave",
  boulevard: "blvd",
  road: "rd",
  drive: "dr",
  first: "1st",
  second: "2nd",
  third: "3rd",
  fourth: "4th",
  fifth: "5th",
  sixth: "6th",
};

/** The streets of an entry, normalized and sorted, so the order of an intersection does not matter. */
function parts(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\s+(and|at)\s+|\s*[&/@+]\s*/g, "|")
    .split("|")
    .map((p) =>
      p
        .replace(/[^a-z0-9 ]/g, " ")
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => WORDS[w] ?? w)
        .join(" "),
    )
    .filter(Boolean)
    .sort();
}

/** Does every typed street start one of the point's streets ("main" matches "main st")? */
function covers(typed: string[], of: string[]): boolean {
  const left = [...of];
  for (const t of typed) {
    const i = left.findIndex((o) => o === t || o.startsWith(`${t} `) || o.startsWith(t));
    if (i < 0) return false;
    left.splice(i, 1);
  }
  return true;
}

export function lookupAddress(query: string, points: NamedPoint[], maxSuggestions = 8): AddressMatch {
  const typed = parts(query);
  if (typed.length === 0) return { found: null, suggestions: [] };
  const key = typed.join("|");
  const exact = points.find((p) => parts(p.name).join("|") === key);
  if (exact) return { found: exact };
  const matches = points.filter((p) => covers(typed, parts(p.name)));
  // Both streets given and only one place has them: that is the place.
  if (matches.length === 1 && typed.length > 1) return { found: matches[0] };
  return { found: null, suggestions: matches.slice(0, maxSuggestions).map((p) => p.name) };
}
