// The map's content as tables: counts per cell (with the area each cell's centre lies in),
// and the listed places. Rendered next to every map.
import { useLocale, useTranslations } from "next-intl";
import { formatCount } from "@/lib/format/numbers";
import { areaNameAt, cellCenter } from "./geo";
import type { MapArea, MapCell, MapPoint } from "./types";
import styles from "./maps.module.css";

/** The most cells the table lists, busiest first. */
export const MAX_CELL_ROWS = 50;

export function MapTextAlternative(props: {
  title: string;
  areas: MapArea[];
  cells?: MapCell[];
  cellLabel?: string;
  points?: MapPoint[];
  areaLabels?: Record<string, string>;
  open?: boolean;
}) {
  const t = useTranslations("Maps");
  const locale = useLocale() === "es" ? "es" : "en";
  const { areas, cells = [], points = [], cellLabel = t("records") } = props;
  const areaRows = props.areaLabels ? areas.filter((a) => props.areaLabels?.[a.slug]) : [];
  if (cells.length === 0 && points.length === 0 && areaRows.length === 0) return null;
  // The busiest cells: a large city has thousands (2,893 on its CSO map, 315 kB of table), more
  // than a table can usefully list; the open data gives every record's cell.
  const sortedCells = [...cells].sort((a, b) => (b.count ?? 0) - (a.count ?? 0)).slice(0, MAX_CELL_ROWS);
  return (
    <details className={styles.alt} open={props.open}>
      <summary>{t("asTable", { title: props.title })}</summary>
      {areaRows.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("byArea")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("area")}</th>
                <th scope="col">{t("shownOnMap")}</th>
              </tr>
            </thead>
            <tbody>
              {areaRows.map((a) => (
                <tr key={a.slug}>
                  <th scope="row">{a.name}</th>
                  <td>{props.areaLabels?.[a.slug]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {sortedCells.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("cellsCaption", { cellLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("cell")}</th>
                <th scope="col">{t("cellArea")}</th>
                <th scope="col" className="num">
                  {cellLabel}
                </th>
              </tr>
            </thead>
            <tbody>
              {sortedCells.map((c) => (
                <tr key={c.cell}>
                  <th scope="row">
                    <code>{c.cell}</code>
                  </th>
                  <td>{areaNameAt(areas, cellCenter(c.cell), t("outside"))}</td>
                  <td className="num">{formatCount(c.count, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {cells.length > sortedCells.length ? (
            <p className="muted">
              {t("cellsTop", { shown: sortedCells.length, total: formatCount(cells.length, locale) })}
            </p>
          ) : null}
        </div>
      ) : null}
      {points.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t("places")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("place")}</th>
                <th scope="col">{t("kindHeading")}</th>
                <th scope="col">{t("area")}</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{t(`kind.${p.kind}`)}</td>
                  <td>{areaNameAt(areas, p, t("outside"))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
