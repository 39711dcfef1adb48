import "server-only";
// What a feedback link's target ("flight:<public id>", "policy:<slug>", …) refers to, checked
// against the published record it names: a made-up target is refused, never filed.
import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { pubAlprSearches, pubCameraAccesses } from "@/db/schema";
import { programChoices, type TargetType } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";
import { callFacts } from "@/lib/drones/call-facts";
import { policyHistory } from "./content";
import { getFlight } from "./drones";

export type ResolvedTarget = { found: true; about: string; program: string | null } | { found: false; message: string };

const GENERAL = "the public-safety technology programs";

export async function resolveFeedbackTarget(o: {
  db?: DbOrTx;
  target: { type: TargetType; ref: string | null };
}): Promise<ResolvedTarget> {
  const { type, ref } = o.target;
  if (type === "general" || !ref) return { found: true, about: GENERAL, program: null };
  const tz = city().timeZone;
  if (type === "program") {
    const p = programChoices.find((c) => c.slug === ref);
    return p
      ? { found: true, about: `the ${p.label} program`, program: p.slug }
      : { found: false, message: `There is no program "${ref}".` };
  }
  if (type === "policy") {
    const [current] = await policyHistory({ db: o.db, slug: ref });
    return current
      ? { found: true, about: `the policy “${current.title}”`, program: current.programSlug ?? null }
      : { found: false, message: `There is no published policy "${ref}".` };
  }
  if (type === "flight") {
    const f = await getFlight({ db: o.db, publicId: ref });
    return f
      ? {
          found: true,
          about: `the drone flight of ${formatInstant(f.startedAt, tz)} (${callFacts(f).callType}${f.areaName ? `, ${f.areaName}` : ""})`,
          program: "drones",
        }
      : { found: false, message: `There is no published drone flight "${ref}".` };
  }
  const db = o.db ?? (await getDb());
  if (type === "search") {
    const [s] = await db
      .select({ publicId: pubAlprSearches.publicId, hour: pubAlprSearches.hour })
      .from(pubAlprSearches)
      .where(eq(pubAlprSearches.publicId, ref))
      .limit(1);
    return s
      ? {
          found: true,
          about: `the plate-reader search of ${formatInstant(s.hour, tz)} (record ${s.publicId})`,
          program: "plate_readers",
        }
      : { found: false, message: `There is no published plate-reader search "${ref}".` };
  }
  const [a] = await db
    .select({ publicId: pubCameraAccesses.publicId, hour: pubCameraAccesses.hour })
    .from(pubCameraAccesses)
    .where(eq(pubCameraAccesses.publicId, ref))
    .limit(1);
  return a
    ? {
        found: true,
        about: `the camera access of ${formatInstant(a.hour, tz)} (record ${a.publicId})`,
        program: "fixed_cameras",
      }
    : { found: false, message: `There is no published camera access "${ref}".` };
}
