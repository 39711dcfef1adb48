// Shading classes for counts per H3 cell: a light-to-dark blue ramp, each class labelled in the
// legend. Suppressed cells (null) are hatched, never shaded as zero.
export const CELL_RAMP = ["#dbe9f6", "#a9cce8", "#6aa6d6", "#2f78b7", "#0f4c81"];

export type ShadeClass = { min: number; max: number; color: string };

/** Up to five classes with rounded, increasing breaks over the published (non-null) counts. */
export function shadeClasses(counts: Array<number | null>): ShadeClass[] {
  const vals = counts.filter((c): c is number => c !== null && c > 0).sort((a, b) => a - b);
  if (vals.length === 0) return [];
  const lo = vals[0],
    hi = vals[vals.length - 1];
  const n = Math.min(CELL_RAMP.length, new Set(vals).size);
  const classes: ShadeClass[] = [];
  let min = lo;
  for (let i = 0; i < n; i++) {
    const max = i === n - 1 ? hi : Math.max(min, Math.round(lo + ((hi - lo) * (i + 1)) / n));
    classes.push({ min, max, color: CELL_RAMP[Math.round((i * (CELL_RAMP.length - 1)) / Math.max(n - 1, 1))] });
    min = max + 1;
    if (min > hi) break;
  }
  return classes;
}

export function shadeFor(count: number | null, classes: ShadeClass[]): string | null {
  if (count === null) return null;
  if (count === 0) return "#ffffff";
  return classes.find((c) => count >= c.min && count <= c.max)?.color ?? classes[classes.length - 1]?.color ?? null;
}
