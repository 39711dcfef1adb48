// SVG <pattern> defs for series fills: the series colour with white marks, so bars differ by
// texture as well as by colour (readable in greyscale print and for colour-blind readers).
import { seriesColor, seriesPattern, type PatternKind } from "./palette";

export function patternId(prefix: string, i: number): string {
  return `${prefix}-s${i}`;
}

function marks(kind: PatternKind) {
  const s = { stroke: "#fff", strokeWidth: 1.6 };
  switch (kind) {
    case "diagonal":
      return <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" {...s} />;
    case "back-diagonal":
      return <path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" {...s} />;
    case "dots":
      return <circle cx="4" cy="4" r="1.6" fill="#fff" />;
    case "cross":
      return <path d="M0,0 l8,8 M8,0 l-8,8" {...s} strokeWidth={1.2} />;
    case "horizontal":
      return <path d="M0,4 h8" {...s} />;
    case "vertical":
      return <path d="M4,0 v8" {...s} />;
    case "grid":
      return <path d="M0,4 h8 M4,0 v8" {...s} strokeWidth={1} />;
    default:
      return null;
  }
}

function PatternDef({ id, i }: { id: string; i: number }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={seriesColor(i)} />
      {marks(seriesPattern(i))}
    </pattern>
  );
}

export function SeriesPatternDefs({ prefix, count }: { prefix: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => (
        <PatternDef key={i} id={patternId(prefix, i)} i={i} />
      ))}
    </defs>
  );
}

/** A small legend swatch (used in HTML legends and tables). */
export function Swatch({ prefix, i }: { prefix: string; i: number }) {
  return (
    <svg width="14" height="14" aria-hidden="true" focusable="false" style={{ verticalAlign: "-2px", marginRight: 4 }}>
      <defs>
        <PatternDef id={`${prefix}-sw${i}`} i={i} />
      </defs>
      <rect width="14" height="14" fill={`url(#${prefix}-sw${i})`} stroke="#1b1f24" strokeWidth="1" />
    </svg>
  );
}
