// Row counts held to a range: each named table's count at least the first bound and at most the
// second, a failure naming the table.
import { expect } from "vitest";

export function expectCountsWithin(
  counts: Record<string, number>,
  ranges: Record<string, readonly [atLeast: number, atMost: number]>,
): void {
  for (const [table, [atLeast, atMost]] of Object.entries(ranges)) {
    expect(counts[table], table).toBeGreaterThanOrEqual(atLeast);
    expect(counts[table], table).toBeLessThanOrEqual(atMost);
  }
}
