// Sparkline geometry as plain data, so the SVG component stays dumb and the maths is tested.
export type SparkSegment = Array<{ x: number; y: number }>;

/** Points scaled into width×height (y grows downward); nulls break the line into segments. */
export function sparklineSegments(values: Array<number | null>, width: number, height: number, pad = 2): SparkSegment[] {
  const nums = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (nums.length === 0) return [];
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const y = (v: number) => (max === min ? height / 2 : pad + (1 - (v - min) / (max - min)) * (height - 2 * pad));
  const segments: SparkSegment[] = [];
  let current: SparkSegment = [];
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current.length) segments.push(current);
      current = [];
      return;
    }
    current.push({ x: Math.round((pad + i * step) * 10) / 10, y: Math.round(y(v) * 10) / 10 });
  });
  if (current.length) segments.push(current);
  return segments;
}
