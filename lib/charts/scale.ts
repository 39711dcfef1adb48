// Axis arithmetic for the server-rendered charts: a value axis from 0 to a round maximum with round
// steps, and which category labels to print when they would not all fit.

/** Round ticks from 0 up to at least `max` (about `target` of them); whole numbers when `integer`. */
export function niceTicks(max: number, o: { integer?: boolean; target?: number } = {}): number[] {
  const target = o.target ?? 5;
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const raw = max / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  let step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  if (o.integer) step = Math.max(1, Math.ceil(step));
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision, so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}

/**
 * Print every `n`th category label so that labels of `maxChars` characters fit in `widthPx`
 * (12 px text, about 6.6 px a character, with a gap); the last label is always a candidate.
 */
export function labelEvery(count: number, maxChars: number, widthPx: number): number {
  if (count <= 0) return 1;
  const perLabel = maxChars * 6.6 + 12;
  const fit = Math.max(1, Math.floor(widthPx / perLabel));
  return Math.max(1, Math.ceil(count / fit));
}
