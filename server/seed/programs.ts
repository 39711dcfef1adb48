import "server-only";
// The five programs a city's portal reports on.
import type { programs } from "../../db/schema";

type ProgramSlug = (typeof programs.$inferInsert)["slug"];

export const PROGRAMS: { slug: ProgramSlug; name: string; description: string }[] = [
  {
    slug: "drones",
    name: "Drones as first responders",
    description: "Drones launched from rooftop docks to calls for service, arriving ahead of patrol units.",
  },
  {
    slug: "fixed_cameras",
    name: "Fixed real-time cameras",
    description: "City cameras at intersections and public buildings, viewable live and on playback.",
  },
  {
    slug: "watch_center",
    name: "Real-time watch center",
    description: "The room where operators view cameras and support deputies during calls.",
  },
  {
    slug: "plate_readers",
    name: "Automated license plate readers",
    description: "Cameras that read plates and check them against hotlists of stolen and wanted vehicles.",
  },
  {
    slug: "cso",
    name: "Community Safety Officers",
    description:
      "Unarmed, non-sworn officers who take non-emergency calls, write reports and connect people to services.",
  },
];
