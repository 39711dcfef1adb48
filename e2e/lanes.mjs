// The end-to-end suite runs in three lanes side by side, each a Playwright project with a server and
// an embedded database of its own, so one lane's changes never reach another lane's figures:
// - "readers": public pages only, nothing written (the home figures are checked against the
//   database as prepared);
// - "writers": staff, review, feedback and publication specs, which change what is published;
// - "walks": the role walks (they submit every form), after a few specs that run first on the same
//   fresh database (read-only ones, and the Spanish pages), so the three lanes take about as long.
// Each lane's database is a copy of one prepared database (scripts/test.mjs), or is prepared by the
// lane's own server when Playwright is started directly. Plain JavaScript: scripts/test.mjs reads it.

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

/** @type {{ name: string; portOffset: number; dataDirSuffix: string; specs?: string[] }[]} */
export const LANES = [
  { name: "writers", portOffset: 0, dataDirSuffix: "" },
  { name: "walks", portOffset: 1, dataDirSuffix: "-walk", specs: beforeWalks },
  { name: "readers", portOffset: 2, dataDirSuffix: "-read", specs: readers },
];

/** What the writers lane leaves to the others, and second-city.spec.ts (a config of its own). */
export const WRITER_IGNORES = [...readers, ...beforeWalks, "second-city.spec.ts"];

/** @param {string} base @param {{ dataDirSuffix: string }} lane */
export const laneDataDir = (base, lane) => `${base}${lane.dataDirSuffix}`;
