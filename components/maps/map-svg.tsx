// The city map as plain SVG (no tiles, no network; only the translation hook): area outlines, optional H3 cell
// shading, a path and point markers. Safe in server components; InteractiveMap wraps it for clicks.
import { getResolution } from "h3-js";
import type { ReactNode, SVGProps } from "react";
import { shadeFor, type ShadeClass } from "./cell-shading";
import { cellOutline } from "./geo";
import { geometryPath, pointsPath, ringCenter, ringPath, type Projection } from "./projection";
import { useTranslations } from "next-intl";
import type { LatLon, MapArea, MapCell, MapPoint, StreetLine } from "./types";
import { placeLabels } from "./label-layout";
import styles from "./maps.module.css";

export type MapSvgProps = {
  idPrefix: string;
  title: string;
  proj: Projection;
  areas: MapArea[];
  cells?: MapCell[];
  classes?: ShadeClass[];
  path?: LatLon[];
  points?: MapPoint[];
  /** Street centerlines from the city config, drawn under the data with their names where they fit. */
  streets?: StreetLine[];
  areaLabels?: Record<string, string>;
  selectedArea?: string;
  /** Link template for areas, e.g. "/cameras?area={slug}": areas become focusable links. */
  areaHref?: string;
  /** Extra attributes per area (keyboard handlers in the interactive map). */
  areaProps?: (a: MapArea) => SVGProps<SVGPathElement>;
  svgProps?: SVGProps<SVGSVGElement>;
  children?: ReactNode;
};

function Marker({ p, xy }: { p: MapPoint; xy: [number, number] }) {
  // To a tenth of a pixel, as the paths are (./projection.ts).
  const r = (v: number) => Math.round(v * 10) / 10;
  const [x, y] = xy;
  const common = { stroke: "#fff", strokeWidth: 1.5 };
  const t = useTranslations("Maps");
  const title = <title>{`${t(`kind.${p.kind}`)}: ${p.label}`}</title>;
  if (p.kind === "dock")
    return (
      <path d={`M${r(x)},${r(y - 8)} L${r(x + 7)},${r(y + 5)} L${r(x - 7)},${r(y + 5)} Z`} fill="#b23c00" {...common}>
        {title}
      </path>
    );
  if (p.kind === "plate_reader")
    return (
      <rect x={r(x - 5)} y={r(y - 5)} width={10} height={10} fill="#6b2fa3" {...common}>
        {title}
      </rect>
    );
  if (p.kind === "camera")
    return (
      <circle cx={r(x)} cy={r(y)} r={5} fill="#1b1f24" {...common}>
        {title}
      </circle>
    );
  return (
    <path
      d={`M${r(x)},${r(y - 6)} L${r(x + 6)},${r(y)} L${r(x)},${r(y + 6)} L${r(x - 6)},${r(y)} Z`}
      fill="#1d6b34"
      {...common}
    >
      {title}
    </path>
  );
}

/**
 * The cells by resolution and shade (null: too few to publish, hatched): coarse cells first, so a
 * fine cell published inside a coarse one is drawn over it, as one path per shade.
 */
function cellsByShade(cells: MapCell[], classes: ShadeClass[]): [string, string | null, MapCell[]][] {
  const by = new Map<string, [string, string | null, MapCell[]]>();
  for (const c of cells) {
    const fill = shadeFor(c.count, classes);
    const res = getResolution(c.cell);
    const key = `${String(res).padStart(2, "0")} ${fill ?? "suppressed"}`;
    const group = by.get(key);
    if (group) group[2].push(c);
    else by.set(key, [key, fill, [c]]);
  }
  return [...by.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const LABEL_FONT = 12;
const LABEL_LINE = 14;
const STREET_FONT = 10;

/** Where a street's name goes: near the bottom edge for a north-south street, the left for east-west. */
function streetAnchor(s: StreetLine, proj: Projection): { x: number; y: number } | null {
  const pts = s.coordinates.map(([lon, lat]) => proj.project({ lat, lon }));
  const [a, b] = [pts[0], pts[pts.length - 1]];
  const vertical = Math.abs(b[1] - a[1]) > Math.abs(b[0] - a[0]);
  const halfWidth = (s.name.length * STREET_FONT * 0.66) / 2;
  const t = (v: number, v0: number, v1: number) => (v1 === v0 ? 0 : (v - v0) / (v1 - v0));
  if (vertical) {
    const y = Math.min(proj.height - 4, Math.max(a[1], b[1])) - 4;
    const k = t(y, a[1], b[1]);
    if (k < 0 || k > 1) return null;
    return { x: a[0] + k * (b[0] - a[0]), y };
  }
  const x = Math.max(halfWidth + 6, Math.min(a[0], b[0]) + halfWidth + 4);
  const k = t(x, a[0], b[0]);
  if (k < 0 || k > 1) return null;
  return { x, y: a[1] + k * (b[1] - a[1]) + STREET_FONT / 2 - 1 };
}

export function MapSvg(props: MapSvgProps) {
  const { idPrefix, title, proj, areas, cells = [], classes = [], path, points = [] } = props;
  const hatch = `${idPrefix}-hatch`;
  const streets = props.streets ?? [];
  // Area names first, then the street names that still fit: a label that would overlap is left out.
  const areaInputs = areas.map((a) => {
    const [x, y] = proj.project(ringCenter(a.geometry));
    const label = props.areaLabels?.[a.slug];
    return { key: `area:${a.slug}`, x, y, lines: label ? [a.name, label] : [a.name] };
  });
  const streetInputs = streets.flatMap((st, i) => {
    const at = streetAnchor(st, proj);
    return at ? [{ key: `street:${i}`, x: at.x, y: at.y, lines: [st.name] }] : [];
  });
  const placedAreas = placeLabels(areaInputs, {
    width: proj.width,
    height: proj.height,
    fontSize: LABEL_FONT,
    lineHeight: LABEL_LINE,
  });
  const placedStreets = placeLabels(
    [...placedAreas.map((p) => ({ ...areaInputs.find((a) => a.key === p.key)!, x: p.x, y: p.y })), ...streetInputs],
    { width: proj.width, height: proj.height, fontSize: LABEL_FONT, lineHeight: LABEL_LINE, pad: 1 },
  ).filter((p) => p.key.startsWith("street:"));
  return (
    <svg
      viewBox={`0 0 ${proj.width} ${proj.height}`}
      width="100%"
      style={{ maxWidth: proj.width, display: "block", background: "#f4f6f8" }}
      aria-labelledby={`${idPrefix}-title`}
      role="group"
      {...props.svgProps}
    >
      <title id={`${idPrefix}-title`}>{title}</title>
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#4a5360" strokeWidth="2" />
        </pattern>
      </defs>
      {areas.map((a) => {
        const d = geometryPath(a.geometry, proj);
        const selected = a.slug === props.selectedArea;
        const shape = (
          <path
            d={d}
            fillRule="evenodd"
            fill={selected ? "#fde7c8" : "#ffffff"}
            stroke={selected ? "#b23c00" : "#4a5360"}
            strokeWidth={selected ? 3 : 1.2}
            {...props.areaProps?.(a)}
          >
            <title>{a.name}</title>
          </path>
        );
        return props.areaHref ? (
          <a key={a.slug} href={props.areaHref.replace("{slug}", a.slug)} aria-label={a.name}>
            {shape}
          </a>
        ) : (
          <g key={a.slug}>{shape}</g>
        );
      })}
      {/* The cells take no pointer (the areas under them are the links), so they carry no tooltip:
          their counts are in the table beside the map. One path per shade: at a large city's 2,900
          cells, one element each made the page's largest render. */}
      {cells.length > 0 ? (
        <g stroke="#1b1f24" strokeWidth={0.6} fillOpacity={0.85} pointerEvents="none">
          {cellsByShade(cells, classes).map(([key, fill, list]) => (
            <path
              key={key}
              d={list.map((c) => ringPath(cellOutline(c.cell), proj)).join("")}
              fill={fill ?? `url(#${hatch})`}
              fillOpacity={fill ? undefined : 1}
            />
          ))}
        </g>
      ) : null}
      {streets.length > 0 ? (
        <g aria-hidden="true" pointerEvents="none" data-layer="streets">
          {streets.map((st, i) => (
            <path
              key={i}
              d={pointsPath(
                st.coordinates.map(([lon, lat]) => ({ lat, lon })),
                proj,
              )}
              fill="none"
              stroke="#5b6572"
              strokeOpacity={0.45}
              strokeWidth={1.5}
              strokeLinecap="round"
            />
          ))}
        </g>
      ) : null}
      {cells.length > 0
        ? areas.map((a) => (
            <path
              key={a.slug}
              d={geometryPath(a.geometry, proj)}
              fill="none"
              stroke={a.slug === props.selectedArea ? "#b23c00" : "#1b1f24"}
              strokeWidth={a.slug === props.selectedArea ? 3 : 1.5}
              pointerEvents="none"
            />
          ))
        : null}
      {placedStreets.map(({ key, x, y }) => (
        <text
          key={key}
          x={x}
          y={y}
          className={styles.streetLabel}
          textAnchor="middle"
          fontSize={STREET_FONT}
          fill="#4a5360"
          pointerEvents="none"
          paintOrder="stroke"
          stroke="#f4f6f8"
          strokeWidth={3}
          aria-hidden="true"
        >
          {streets[Number(key.slice("street:".length))].name}
        </text>
      ))}
      {placedAreas.map(({ key: areaKey, x, y }) => {
        const key = areaKey.slice("area:".length);
        const a = areas.find((r) => r.slug === key)!;
        const label = props.areaLabels?.[key];
        return (
          <text
            key={key}
            x={x}
            y={y}
            className={styles.areaLabel}
            textAnchor="middle"
            fontSize={LABEL_FONT}
            fill="#1b1f24"
            pointerEvents="none"
            paintOrder="stroke"
            stroke="#fff"
            strokeWidth={3}
          >
            <tspan x={x} dy={0} fontWeight={600}>
              {a.name}
            </tspan>
            {label ? (
              <tspan x={x} dy={LABEL_LINE}>
                {label}
              </tspan>
            ) : null}
          </text>
        );
      })}
      {path && path.length > 1 ? (
        <path
          d={pointsPath(path, proj)}
          fill="none"
          stroke="#b23c00"
          strokeWidth={3}
          strokeDasharray="7 4"
          strokeLinejoin="round"
          pointerEvents="none"
        />
      ) : null}
      {points.map((p) => (
        <Marker key={p.id} p={p} xy={proj.project(p)} />
      ))}
      {props.children}
    </svg>
  );
}
