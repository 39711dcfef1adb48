"use client";
// Choose a place for "Was that a police drone?": click the map for a point, or pick an area
// (keyboard: the area list or Tab to an area and Enter). The choice goes into the GET form.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { InteractiveMap } from "@/components/maps/interactive-map";
import type { MapArea, MapPoint, StreetLine } from "@/components/maps/types";
import { describeSpot } from "@/lib/geo/nearest-street";
import { spotText } from "./spot-text";

export function PlacePicker(props: {
  areas: MapArea[];
  points: MapPoint[];
  /** The city's streets, drawn under the areas so a resident finds the spot they mean. */
  streets?: StreetLine[];
  lat?: number;
  lon?: number;
  area?: string;
}) {
  const [point, setPoint] = useState(
    props.lat !== undefined && props.lon !== undefined ? { lat: props.lat, lon: props.lon } : null,
  );
  const [area, setArea] = useState(props.area ?? "");
  const t = useTranslations("Lookup");
  return (
    <div>
      <InteractiveMap
        id="nearby-map"
        title={t("mapTitle")}
        areas={props.areas}
        points={props.points}
        streets={props.streets}
        picked={point}
        selectedArea={area}
        selectLabel={t("area")}
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
          ? t("pointChosen", {
              // The nearest street or corner and the area, from the city's street layer.
              place: spotText(describeSpot(point.lat, point.lon, props.streets ?? [], props.areas), (k, v) => t(k, v)),
            })
          : area
            ? t("areaChosen", { name: props.areas.find((a) => a.slug === area)?.name ?? area })
            : t("nothingChosen")}
      </p>
    </div>
  );
}
