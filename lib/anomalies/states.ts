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

/** The state a network name points to: a full state name, or an upper-case code standing alone ("Houston PD TX"). */
export function networkState(name: string): string | null {
  const lower = ` ${name.toLowerCase().replace(/[^a-z]+/g, " ")} `;
  // Longest names first, so "West Virginia" wins over "Virginia".
  for (const [code, full] of [...STATES].sort((a, b) => b[1].length - a[1].length)) {
    if (lower.includes(` ${full.toLowerCase()} `)) return code;
  }
  for (const m of name.matchAll(/(?:^|[\s,(])([A-Z]{2})(?=$|[\s,)])/g)) {
    if (STATES.some(([code]) => code === m[1])) return m[1];
  }
  return null;
}

export function outOfStateNetworks(networks: string[], homeState: string): string[] {
  const home = homeState.toUpperCase();
  return networks.filter((n) => {
    const st = networkState(n);
    return st !== null && st !== home;
  });
}
