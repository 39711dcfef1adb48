// US states, to tell when a plate-reader network belongs to another state (out-of-state sharing).
const STATES: [string, string][] = [
  ["AL", "Alabama"],
  ["AK", "Alaska"],
  ["AZ", "Arizona"],
  ["AR", "Arkansas"],
  ["CA", "California"],
  ["CO", "Colorado"],
  ["CT", "Connecticut"],
  ["DE", "Delaware"],
  ["FL", "Florida"],
  ["GA", "Georgia"],
  ["HI", "Hawaii"],
  ["ID", "Idaho"],
  ["IL", "Illinois"],
  ["IN", "Indiana"],
  ["IA", "Iowa"],
  ["KS", "Kansas"],
  ["KY", "Kentucky"],
  ["LA", "Louisiana"],
  ["ME", "Maine"],
  ["MD", "Maryland"],
  ["MA", "Massachusetts"],
  ["MI", "Michigan"],
  ["MN", "Minnesota"],
  ["MS", "Mississippi"],
  ["MO", "Missouri"],
  ["MT", "Montana"],
  ["NE", "Nebraska"],
  ["NV", "Nevada"],
  ["NH", "New Hampshire"],
  ["NJ", "New Jersey"],
  ["NM", "New Mexico"],
  ["NY", "New York"],
  ["NC", "North Carolina"],
  ["ND", "North Dakota"],
  ["OH", "Ohio"],
  ["OK", "Oklahoma"],
  ["OR", "Oregon"],
  ["PA", "Pennsylvania"],
  ["RI", "Rhode Island"],
  ["SC", "South Carolina"],
  ["SD", "South Dakota"],
  ["TN", "Tennessee"],
  ["TX", "Texas"],
  ["UT", "Utah"],
  ["VT", "Vermont"],
  ["VA", "Virginia"],
  ["WA", "Washington"],
  ["WV", "West Virginia"],
  ["WI", "Wisconsin"],
  ["WY", "Wyoming"],
];

// Longest names first, so "West Virginia" wins over "Virginia".
const NAMES = [...STATES]
  .sort((a, b) => b[1].length - a[1].length)
  .map(([code, full]) => [code, ` ${full.toLowerCase()} `]);
const CODES = new Set(STATES.map(([code]) => code));
/** Network names repeat across millions of searches: each is read once. */
const known = new Map<string, string | null>();

/** The state a network name points to: a full state name, or an upper-case code standing alone ("Houston PD TX"). */
export function networkState(name: string): string | null {
  let state = known.get(name);
  if (state === undefined) {
    state = readState(name);
    if (known.size > 100_000) known.clear();
    known.set(name, state);
  }
  return state;
}

function readState(name: string): string | null {
  const lower = ` ${name.toLowerCase().replace(/[^a-z]+/g, " ")} `;
  for (const [code, full] of NAMES) if (lower.includes(full)) return code;
  for (const m of name.matchAll(/(?:^|[\s,(])([A-Z]{2})(?=$|[\s,)])/g)) if (CODES.has(m[1])) return m[1];
  return null;
}

export function outOfStateNetworks(networks: string[], homeState: string): string[] {
  const home = homeState.toUpperCase();
  return networks.filter((n) => {
    const st = networkState(n);
    return st !== null && st !== home;
  });
}
