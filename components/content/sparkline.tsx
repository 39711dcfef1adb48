// A small trend line with its numbers in text: the SVG is decorative to screen readers, and the
// same series is listed in words beside it.
import { sparklineSegments } from "@/lib/content/sparkline";
import type { SeriesPoint } from "@/lib/content/scorecard";

export function Sparkline({ series, format, label, width = 120, height = 28 }: { series: SeriesPoint[]; format: (v: number) => string; label: string; width?: number; height?: number }) {
  const segments = sparklineSegments(series.map((p) => p.value), width, height);
  const known = series.filter((p) => p.value !== null);
  const text = known.length
    ? `${label} by month: ${series.map((p) => `${p.label} ${p.value === null ? "not published" : format(p.value)}`).join("; ")}.`
    : `${label}: no monthly values published for this period.`;
  return (
    <span className="sparkline">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
        {segments.map((seg, i) =>
          seg.length === 1 ? <circle key={i} cx={seg[0].x} cy={seg[0].y} r={1.8} fill="currentColor" /> : (
            <polyline key={i} points={seg.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinejoin="round" />
          ),
        )}
      </svg>
      <span className="visually-hidden">{text}</span>
    </span>
  );
}
