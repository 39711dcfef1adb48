import type { FlightFilters } from "@/db/queries/review/flights";
import { idParam, parseCommon } from "./format";

export function flightFiltersFrom(p: Record<string, string>): {
  filters: FlightFilters;
  errors: Record<string, string>;
} {
  const c = parseCommon(p);
  return {
    errors: c.errors,
    filters: {
      q: c.q,
      from: c.from,
      to: c.to,
      category: p.category?.slice(0, 60),
      dockId: idParam(p.dock),
      pilotId: idParam(p.pilot),
      outcome: p.outcome?.slice(0, 40),
      noCall: p.call === "none" ? true : undefined,
      flagged: p.flagged === "1" ? true : undefined,
    },
  };
}
