import "server-only";
// The config's demo rollout (e.g. a real-time crime center per division) recorded as the council's
// decisions, one per area, through the same use case staff use: meeting, agenda item, vote.
import type { DbOrTx } from "../../db/client";
import { recordRolloutDecision } from "../../db/queries/staff/rollout";
import type { CityConfig } from "../../lib/config/city";
import { addDays } from "./calendar";

export async function seedRollout(tx: DbOrTx, c: CityConfig, pilotStart: string): Promise<number> {
  const plan = c.demoRollout;
  if (!plan) return 0;
  const named = new Set(plan.decisions.flatMap((d) => (d.areas === "rest" ? [] : d.areas)));
  const rest = c.areas.map((a) => a.properties.slug).filter((s) => !named.has(s));
  let n = 0;
  for (const d of plan.decisions) {
    const areas = d.areas === "rest" ? rest : d.areas;
    // One decision per live date: consecutive areas go live liveEveryDays apart.
    const groups =
      d.liveDay === null || d.liveEveryDays === 0
        ? [{ areas, liveDay: d.liveDay }]
        : areas.map((a, i) => ({ areas: [a], liveDay: d.liveDay! + i * d.liveEveryDays }));
    for (const g of groups) {
      if (g.areas.length === 0) continue;
      const r = await recordRolloutDecision(tx, {
        program: plan.program,
        areaSlugs: g.areas,
        status: d.status,
        decidedOn: addDays(pilotStart, d.decidedDay),
        liveOn: g.liveDay === null ? null : addDays(pilotStart, g.liveDay),
        reason: d.reason,
        motion: d.motion,
        result: "passed",
        ayes: d.vote[0],
        noes: d.vote[1],
        abstentions: d.vote[2],
        userId: null,
      });
      if ("error" in r) throw new Error(`demoRollout in the city config: ${r.error}`);
      n += r.decisionIds.length;
    }
  }
  return n;
}
