"use client";
// The city map with selection: click or tap a spot to pick a lat/lon ("Was that a police
// drone?"), or choose an area by keyboard (Tab to an area, Enter) or from the list beside it.
import { useTranslations } from "next-intl";
import { useId, useState, type MouseEvent } from "react";
import { prepareMap, type CityMapProps } from "./city-map";
import { MapLegend } from "./map-legend";
import { MapSvg } from "./map-svg";
import type { LatLon } from "./projection";
import styles from "./maps.module.css";

export type InteractiveMapProps = Omit<CityMapProps, "areaHref" | "textAlternative"> & {
  /** Called with the clicked point (rounded to 4 decimals). */
  onPick?: (p: LatLon) => void;
  picked?: LatLon | null;
  onSelectArea?: (slug: string) => void;
  selectLabel?: string;
};

export function InteractiveMap(props: InteractiveMapProps) {
  const { proj, classes, pointKinds, hasSuppressed } = prepareMap(props);
  const [internalArea, setInternalArea] = useState(props.selectedArea ?? "");
  const area = props.selectedArea ?? internalArea;
  const selectId = useId();
  const t = useTranslations("Maps");
  const choose = (slug: string) => {
    setInternalArea(slug);
    props.onSelectArea?.(slug);
  };
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    if (!props.onPick) return;
    const svg = e.currentTarget;
    const r = svg.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * proj.width;
    const y = ((e.clientY - r.top) / r.height) * proj.height;
    const p = proj.invert(x, y);
    props.onPick({ lat: Number(p.lat.toFixed(4)), lon: Number(p.lon.toFixed(4)) });
  };
  const picked = props.picked ? proj.project(props.picked) : null;
  return (
    <figure className={styles.figure}>
      <figcaption>{props.title}</figcaption>
      <div className={styles.controls}>
        <label htmlFor={selectId}>
          {props.selectLabel ?? t("chooseArea")}
          <select id={selectId} value={area} onChange={(e) => choose(e.target.value)}>
            <option value="">{t("allAreas")}</option>
            {props.areas.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <MapSvg
        idPrefix={props.id}
        proj={proj}
        classes={classes}
        {...props}
        selectedArea={area}
        svgProps={{ onClick, className: props.onPick ? styles.pickable : undefined }}
        areaProps={(a) => ({
          tabIndex: 0,
          role: "button",
          "aria-label": t("selectArea", { name: a.name }),
          "aria-pressed": a.slug === area,
          className: styles.areaButton,
          onKeyDown: (e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              choose(a.slug);
            }
          },
          onClick: () => {
            if (!props.onPick) choose(a.slug);
          },
        })}
      >
        {picked ? (
          <g pointerEvents="none">
            <circle cx={picked[0]} cy={picked[1]} r={9} fill="none" stroke="#b23c00" strokeWidth={3} />
            <circle cx={picked[0]} cy={picked[1]} r={2.5} fill="#b23c00" />
          </g>
        ) : null}
      </MapSvg>
      <MapLegend
        classes={classes}
        cellLabel={props.cellLabel ?? t("records")}
        hasSuppressed={hasSuppressed}
        pointKinds={pointKinds}
        pathLabel={props.path && props.path.length > 1 ? (props.pathLabel ?? t("publishedPath")) : undefined}
      />
    </figure>
  );
}
