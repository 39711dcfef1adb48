// A static city map with its legend and text alternative. Server-safe (only the translation hook, no client JS):
// areas become links when `areaHref` is given, which is the keyboard path for area selection.
import { shadeClasses } from "./cell-shading";
import { cellOutline } from "./geo";
import { MapLegend } from "./map-legend";
import { MapSvg } from "./map-svg";
import { MapTextAlternative } from "./map-text-alternative";
import { boundsOf, makeProjection, ringsOf, type LatLon } from "./projection";
import type { MapArea, MapCell, MapPoint, MapPointKind, StreetLine } from "./types";
import styles from "./maps.module.css";
import { useTranslations } from "next-intl";

export type CityMapProps = {
  /** Unique on the page: prefixes SVG ids. Letters, digits and dashes. */
  id: string;
  title: string;
  areas: MapArea[];
  cells?: MapCell[];
  /** What a cell counts, plural ("flights", "accesses"). */
  cellLabel?: string;
  path?: LatLon[];
  pathLabel?: string;
  points?: MapPoint[];
  /** Street centerlines (the city config's streets layer), drawn under the data. */
  streets?: StreetLine[];
  areaLabels?: Record<string, string>;
  selectedArea?: string;
  areaHref?: string;
  width?: number;
  /** "none" when the page already shows the same data in a table next to the map. */
  textAlternative?: "details" | "open" | "none";
};

/** Projection and shading shared by the static and interactive maps. */
export function prepareMap(p: Pick<CityMapProps, "areas" | "cells" | "path" | "points" | "width">) {
  const pts: LatLon[] = [];
  for (const a of p.areas)
    for (const ring of ringsOf(a.geometry)) for (const [lon, lat] of ring) pts.push({ lat, lon });
  for (const c of p.cells ?? []) pts.push(...cellOutline(c.cell));
  pts.push(...(p.path ?? []), ...(p.points ?? []));
  const proj = makeProjection(boundsOf(pts), p.width ?? 640);
  const classes = shadeClasses((p.cells ?? []).map((c) => c.count));
  const pointKinds = [...new Set((p.points ?? []).map((x) => x.kind))] as MapPointKind[];
  return { proj, classes, pointKinds, hasSuppressed: (p.cells ?? []).some((c) => c.count === null) };
}

export function CityMap(props: CityMapProps) {
  const { proj, classes, pointKinds, hasSuppressed } = prepareMap(props);
  const alt = props.textAlternative ?? "details";
  const t = useTranslations("Maps");
  return (
    <figure className={styles.figure}>
      <figcaption>{props.title}</figcaption>
      <MapSvg idPrefix={props.id} proj={proj} classes={classes} {...props} />
      <MapLegend
        classes={classes}
        cellLabel={props.cellLabel ?? t("records")}
        hasSuppressed={hasSuppressed}
        pointKinds={pointKinds}
        pathLabel={props.path && props.path.length > 1 ? (props.pathLabel ?? t("publishedPath")) : undefined}
      />
      {alt !== "none" ? (
        <MapTextAlternative
          title={props.title}
          areas={props.areas}
          cells={props.cells}
          cellLabel={props.cellLabel}
          points={props.points}
          areaLabels={props.areaLabels}
          open={alt === "open"}
        />
      ) : null}
    </figure>
  );
}
