// The end-to-end suite runs in four lanes side by side, each a Playwright project with a server and
// an embedded database of its own, so one lane's changes never reach another lane's figures:
// - "readers": public pages only, nothing written (the home figures are checked against the
//   database as prepared);
// - "writers": staff, review, feedback and publication specs, which change what is published;
// - "walks": the role walks (they submit every form), after a few specs that run first on the same
//   fresh database (read-only ones, and the Spanish pages), so the first three lanes take about as long;
// - "large-city": the large demo city (config/large-city.json, 21 police divisions) on the same code.
// Each lane's database is a copy of one prepared database (scripts/test.mjs), except the large
// city's, prepared from its own config; or each lane's server prepares its own when Playwright is
// started directly. Plain JavaScript: scripts/test.mjs reads it.

const readers = [
  "foundation.spec.ts",
  "home.spec.ts",
  "cameras.spec.ts",
  "cso.spec.ts",
  "drones.spec.ts",
  "leak.spec.ts",
  "phone.spec.ts",
];
const beforeWalks = [
  "opendata.spec.ts",
  "plate-readers.spec.ts",
  "security-headers.spec.ts",
  "spanish.spec.ts",
  "walk.spec.ts",
];

const largeCity = ["large-city.spec.ts"];

/**
 * `env`: what the lane's server runs with besides the others' (a lane with its own env gets a
 * database prepared for it, not a copy).
 * @type {{ name: string; portOffset: number; dataDirSuffix: string; specs?: string[]; env?: Record<string, string> }[]}
 */
export const LANES = [
  { name: "writers", portOffset: 0, dataDirSuffix: "" },
  { name: "walks", portOffset: 1, dataDirSuffix: "-walk", specs: beforeWalks },
  { name: "readers", portOffset: 2, dataDirSuffix: "-read", specs: readers },
  {
    name: "large-city",
    portOffset: 3,
    dataDirSuffix: "-large",
    specs: largeCity,
    env: { DAYLIGHT_CITY_CONFIG: "config/large-city.json" },
  },
];

/** What the writers lane leaves to the others, and second-city.spec.ts (a config of its own). */
export const WRITER_IGNORES = [...readers, ...beforeWalks, ...largeCity, "second-city.spec.ts"];

/** @param {string} base @param {{ dataDirSuffix: string }} lane */
export const laneDataDir = (base, lane) => `${base}${lane.dataDirSuffix}`;
