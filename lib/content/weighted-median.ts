// The median of values given as (value, count) pairs, with the same result as Postgres's
// percentile_cont(0.5) over the values repeated by their counts: the middle value, or the mean
// of the two middle values when the total count is even.
export function weightedMedian(pairs: Array<{ value: number; n: number }>): number | null {
  const sorted = pairs.filter((p) => p.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((a, p) => a + p.n, 0);
  if (total === 0) return null;
  const lo = Math.floor((total - 1) / 2);
  const hi = Math.ceil((total - 1) / 2);
  let seen = 0;
  let low: number | null = null;
  for (const p of sorted) {
    // Positions seen .. seen + n - 1 hold this value.
    if (low === null && lo < seen + p.n) low = p.value;
    if (hi < seen + p.n) return (low! + p.value) / 2;
    seen += p.n;
  }
  return low;
}
