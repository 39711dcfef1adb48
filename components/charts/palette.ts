// Series colours: each has at least 3:1 contrast against white (WCAG 1.4.11), and every series
// also gets its own fill pattern / dash style so no meaning depends on colour alone.
export const SERIES_COLORS = ["#0b5cad", "#b23c00", "#1d6b34", "#6b2fa3", "#8a4b00", "#4a5360", "#a4161a", "#00707a"];

export type PatternKind =
  "solid" | "diagonal" | "dots" | "cross" | "horizontal" | "vertical" | "back-diagonal" | "grid";
export const SERIES_PATTERNS: PatternKind[] = [
  "solid",
  "diagonal",
  "dots",
  "cross",
  "horizontal",
  "vertical",
  "back-diagonal",
  "grid",
];
export const SERIES_DASHES = ["", "8 4", "2 3", "12 4 2 4", "4 4", "1 6", "16 6", "6 2 2 2"];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}
export function seriesPattern(i: number): PatternKind {
  return SERIES_PATTERNS[i % SERIES_PATTERNS.length];
}
export function seriesDash(i: number): string {
  return SERIES_DASHES[i % SERIES_DASHES.length];
}
/** Element ids must be valid in url(#…): React's useId contains characters that are not. */
export function safeId(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, "");
}
