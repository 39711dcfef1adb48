// The words for a spot clicked on the map ("Main St & 3rd St, in Old Town"), shared by the picker
// (as the reader clicks) and the page (in the results heading). Never the coordinates.
import type { SpotDescription } from "@/lib/geo/nearest-street";

type SpotKey = "spotCorner" | "spotAlong" | "spotStreet" | "spotInArea" | "spotAreaOnly" | "spotUnnamed";
type Say = (key: SpotKey, values?: Record<string, string>) => string;

export function spotText(d: SpotDescription, say: Say): string {
  const where = d.street
    ? d.cross
      ? say(d.atCorner ? "spotCorner" : "spotAlong", { street: d.street, cross: d.cross })
      : say("spotStreet", { street: d.street })
    : null;
  if (where && d.area) return say("spotInArea", { place: where, area: d.area });
  if (where) return where;
  return d.area ? say("spotAreaOnly", { area: d.area }) : say("spotUnnamed");
}
