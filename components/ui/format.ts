// Plain-English number formatting shared by public components. A `null` count is a published
// count that was suppressed under the small-count rule (privacy.md: shown as "fewer than 11").
export const SUPPRESSED_TEXT = "fewer than 11";

const intFmt = new Intl.NumberFormat("en-US");

/** A published count: null means suppressed; zero is shown as 0. */
export function formatCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return SUPPRESSED_TEXT;
  return intFmt.format(value);
}

/** A share between 0 and 1 as a whole-number percentage; null when not published. */
export function formatShare(value: number | null | undefined, notPublished = "not published (too few events)"): string {
  if (value === null || value === undefined || Number.isNaN(value)) return notPublished;
  return `${Math.round(value * 100)}%`;
}

/** True when any value in the list was suppressed. */
export function anySuppressed(values: Iterable<number | null | undefined>): boolean {
  for (const v of values) if (v === null) return true;
  return false;
}
