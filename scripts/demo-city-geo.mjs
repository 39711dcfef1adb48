#!/usr/bin/env node
// Writes the demo city's street centerlines and address points (public/geo) from the same street
// grid the demo seed names its camera sites after (server/seed/names.ts, server/seed/cameras.ts): each
// north-south street at the middle of its column of the areas' bounding box, each east-west street
// at the middle of its row, so "Main St & 3rd St" lies where both streets cross.
import { readFileSync, writeFileSync } from "node:fs";

const NS = ["Pacific Ave", "Grant Ave", "Main St", "Lakeview Blvd", "Harbor Dr", "Oak St", "Marina Way", "Ocean Ave"];
const EW = [
  "1st St",
  "2nd St",
  "3rd St",
  "4th St",
  "5th St",
  "6th St",
  "Pier Rd",
  "Sunridge Rd",
  "Northgate Blvd",
  "Cedar St",
];
const areas = JSON.parse(readFileSync("public/geo/demo-city-areas.geojson", "utf8"));
let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
const visit = (c) => {
  if (typeof c[0] === "number") {
    w = Math.min(w, c[0]);
    e = Math.max(e, c[0]);
    s = Math.min(s, c[1]);
    n = Math.max(n, c[1]);
  } else c.forEach(visit);
};
for (const f of areas.features) visit(f.geometry.coordinates);
const r = (v) => Math.round(v * 1e5) / 1e5;
const lon = (i) => r(w + ((i + 0.5) * (e - w)) / NS.length);
const lat = (j) => r(s + ((j + 0.5) * (n - s)) / EW.length);
const streets = [
  ...NS.map((name, i) => ({
    name,
    coordinates: [
      [lon(i), r(s)],
      [lon(i), r(n)],
    ],
  })),
  ...EW.map((name, j) => ({
    name,
    coordinates: [
      [r(w), lat(j)],
      [r(e), lat(j)],
    ],
  })),
];
writeFileSync(
  "public/geo/demo-city-streets.geojson",
  JSON.stringify({
    type: "FeatureCollection",
    features: streets.map((st) => ({
      type: "Feature",
      properties: { name: st.name },
      geometry: { type: "LineString", coordinates: st.coordinates },
    })),
  }) + "\n",
);
const points = [];
NS.forEach((a, i) => EW.forEach((b, j) => points.push({ name: `${a} & ${b}`, coordinates: [lon(i), lat(j)] })));
writeFileSync(
  "public/geo/demo-city-addresses.geojson",
  JSON.stringify({
    type: "FeatureCollection",
    features: points.map((p) => ({
      type: "Feature",
      properties: { name: p.name },
      geometry: { type: "Point", coordinates: p.coordinates },
    })),
  }) + "\n",
);
console.log(`${streets.length} streets, ${points.length} address points`);
