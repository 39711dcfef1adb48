// The map's content as tables: counts per cell (with the area each cell's centre lies in),
// and the listed places. Rendered next to every map.
import { formatCount } from "@/lib/format/numbers";
import { areaNameAt, cellCenter } from "./geo";
import { POINT_KIND_LABEL, type MapArea, type MapCell, type MapPoint } from "./types";
import styles from "./maps.module.css";

export function MapTextAlternative(props: {
  title: string;
  areas: MapArea[];
  cells?: MapCell[];
  cellLabel?: string;
  points?: MapPoint[];
  areaLabels?: Record<string, string>;
  open?: boolean;
}) {
  const { areas, cells = [], points = [], cellLabel = "records" } = props;
  const areaRows = props.areaLabels ? areas.filter((a) => props.areaLabels?.[a.slug]) : [];
  if (cells.length === 0 && points.length === 0 && areaRows.length === 0) return null;
  const sortedCells = [...cells].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  return (
    <details className={styles.alt} open={props.open}>
      <summary>{props.title}: the map as a table</summary>
      {areaRows.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>By area</caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Shown on the map</th>
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
            <caption>{`Map cells (about 0.7 km² each), ${cellLabel} per cell`}</caption>
            <thead>
              <tr>
                <th scope="col">Cell</th>
                <th scope="col">Area of the cell&apos;s centre</th>
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
                  <td>{areaNameAt(areas, cellCenter(c.cell))}</td>
                  <td className="num">{formatCount(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {points.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>Places on the map</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                <th scope="col">Kind</th>
                <th scope="col">Area</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.label}</th>
                  <td>{POINT_KIND_LABEL[p.kind]}</td>
                  <td>{areaNameAt(areas, p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
