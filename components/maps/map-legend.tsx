// The map's legend in HTML: cell shading classes, the hatch for suppressed cells, marker shapes.
import type { ShadeClass } from "./cell-shading";
import { useLocale, useTranslations } from "next-intl";
import type { MapPointKind } from "./types";
import { formatCount } from "@/lib/format/numbers";
import styles from "./maps.module.css";

const MARKER_SVG: Record<MapPointKind, React.ReactNode> = {
  dock: <path d="M8,1 L15,14 L1,14 Z" fill="#b23c00" />,
  camera: <circle cx="8" cy="8" r="6" fill="#1b1f24" />,
  plate_reader: <rect x="2" y="2" width="12" height="12" fill="#6b2fa3" />,
  other: <path d="M8,1 L15,8 L8,15 L1,8 Z" fill="#1d6b34" />,
};

export function MapLegend(props: {
  classes: ShadeClass[];
  cellLabel: string;
  hasSuppressed: boolean;
  pointKinds: MapPointKind[];
  pathLabel?: string;
}) {
  const t = useTranslations("Maps");
  const locale = useLocale() === "es" ? "es" : "en";
  const items: React.ReactNode[] = [];
  for (const c of props.classes) {
    items.push(
      <li key={`c${c.min}`}>
        <span className={styles.swatch} style={{ background: c.color }} aria-hidden="true" />
        {c.min === c.max
          ? formatCount(c.min, locale)
          : `${formatCount(c.min, locale)}–${formatCount(c.max, locale)}`}{" "}
        {props.cellLabel}
      </li>,
    );
  }
  if (props.hasSuppressed)
    items.push(
      <li key="supp">
        <span className={`${styles.swatch} ${styles.hatched}`} aria-hidden="true" />
        {t("notPublished", { suppressed: formatCount(null, locale), cellLabel: props.cellLabel })}
      </li>,
    );
  for (const k of props.pointKinds)
    items.push(
      <li key={k}>
        <svg width="16" height="16" aria-hidden="true" focusable="false" className={styles.marker}>
          {MARKER_SVG[k]}
        </svg>
        {t(`kind.${k}`)}
      </li>,
    );
  if (props.pathLabel)
    items.push(
      <li key="path">
        <svg width="28" height="10" aria-hidden="true" focusable="false" className={styles.marker}>
          <line x1="1" y1="5" x2="27" y2="5" stroke="#b23c00" strokeWidth="3" strokeDasharray="7 4" />
        </svg>
        {props.pathLabel}
      </li>,
    );
  if (items.length === 0) return null;
  return (
    <div className={styles.legend}>
      <span className={styles.legendTitle}>{t("legend")}</span>
      <ul>{items}</ul>
    </div>
  );
}
