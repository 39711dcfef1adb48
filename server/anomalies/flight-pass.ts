import "server-only";
// The drone flights' part of the recompute: each flight's own rules, and flight_long one call
// category at a time (its limit is the category's own percentile).
import type { DbOrTx } from "../../db/client";
import { eachFlightByCategory, type FlightRow } from "../../db/queries/anomalies/records";
import type { AnomalyConfig } from "../../lib/anomalies/config";
import { flightDetour, flightLong, flightNoCall } from "../../lib/anomalies/flight-rules";
import { watchList } from "../../lib/anomalies/text-rules";
import type { Flight } from "../../lib/anomalies/types";
import { runsBy } from "../../lib/anomalies/runs";
import type { FlagSink } from "./flag-sink";

type Dock = { id: number; lat: number; lon: number };

function toFlight(r: FlightRow, docks: Map<number, Dock>): Flight {
  const coords = r.path;
  const dock = r.dockId ? docks.get(r.dockId) : undefined;
  const origin =
    coords && coords.length >= 2 ? { lon: coords[0], lat: coords[1] } : dock ? { lat: dock.lat, lon: dock.lon } : null;
  return {
    id: r.id,
    callNumber: r.callNumber,
    category: r.category,
    launchedAt: r.launchedAt,
    landedAt: r.landedAt,
    origin,
    dest: r.destLat !== null && r.destLon !== null ? { lat: r.destLat, lon: r.destLon } : null,
    distanceFlownM: r.distanceFlownM,
    path: coords,
  };
}

export async function flagFlights(
  tx: DbOrTx,
  o: { cfg: AnomalyConfig; docks: Map<number, Dock>; labels: Map<string, string>; sink: FlagSink; batchSize?: number },
): Promise<void> {
  const { cfg, docks, labels, sink, batchSize } = o;
  // One category's flights, without their paths (flight_long needs only the times).
  const categories = runsBy<Flight, string>(
    (f) => f.category,
    (category) => {
      for (const f of flightLong(category, cfg, labels)) sink.push(f);
    },
  );
  await eachFlightByCategory({
    tx,
    batchSize,
    onBatch: async (rows) => {
      for (const r of rows) {
        const f = toFlight(r, docks);
        sink.push(flightNoCall(f));
        sink.push(flightDetour(f, cfg));
        sink.push(
          watchList(
            {
              recordType: "drone_flight",
              id: r.id,
              at: r.launchedAt,
              operation: "flew a drone",
              reason: r.description,
            },
            cfg,
          ),
        );
        categories.add({ ...f, path: null });
      }
      await sink.drain();
    },
  });
  categories.end();
}
