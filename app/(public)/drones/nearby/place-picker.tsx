"use client";
// Choose a place for "Was that a police drone?": click the map for a point, or pick an area
// (keyboard: the area list or Tab to an area and Enter). The choice goes into the GET form.
import { useState } from "react";
import { InteractiveMap } from "@/components/maps/interactive-map";
import type { MapArea, MapPoint } from "@/components/maps/types";

export function PlacePicker(props: {
  areas: MapArea[];
  points: MapPoint[];
  lat?: number;
  lon?: number;
  area?: string;
}) {
  const [point, setPoint] = useState(
    props.lat !== undefined && props.lon !== undefined ? { lat: props.lat, lon: props.lon } : null,
  );
  const [area, setArea] = useState(props.area ?? "");
  return (
    <div>
      <InteractiveMap
        id="nearby-map"
        title="Click the map where you saw the drone, or choose an area"
        areas={props.areas}
        points={props.points}
        picked={point}
        selectedArea={area}
        selectLabel="Area"
        onPick={(p) => {
          setPoint(p);
          setArea("");
        }}
        onSelectArea={(slug) => {
          setArea(slug);
          setPoint(null);
        }}
      />
      <input type="hidden" name="lat" value={point?.lat ?? ""} />
      <input type="hidden" name="lon" value={point?.lon ?? ""} />
      <input type="hidden" name="area" value={area} />
      <p role="status">
        {point
          ? `Place chosen on the map: ${point.lat.toFixed(4)}, ${point.lon.toFixed(4)} (flights within 500 m).`
          : area
            ? `Area chosen: ${props.areas.find((a) => a.slug === area)?.name ?? area}.`
            : "No place chosen yet."}
      </p>
    </div>
  );
}
