// Small-count suppression (k = rules.minCount) with complementary suppression, so that no
// suppressed count can be recovered by subtracting published cells from a published total.
import { rules } from "../rules";

/** A published count: the value, or null with suppressed=true when it is between 1 and k-1. */
export type PubCount = { value: number | null; suppressed: boolean };

export const SUPPRESSED_LABEL = `fewer than ${rules.minCount}`;
export const SUPPRESSED_CSV = `<${rules.minCount}`;

/** Primary suppression of one count: 1..k-1 are hidden, 0 and >= k are shown. */
export function suppressCount(n: number, k: number = rules.minCount): PubCount {
  if (!Number.isInteger(n) || n < 0) throw new Error(`a count must be a non-negative integer, got ${n}`);
  return n > 0 && n < k ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export function isSmall(n: number, k: number = rules.minCount): boolean {
  return n > 0 && n < k;
}

/** Plain words for a published count: "1,234" or "fewer than 11". */
export function displayCount(c: PubCount, locale = "en-US"): string {
  return c.suppressed || c.value === null ? SUPPRESSED_LABEL : c.value.toLocaleString(locale);
}

/** The CSV form: the number, or "<11". */
export function csvCount(c: PubCount): string {
  return c.suppressed || c.value === null ? SUPPRESSED_CSV : String(c.value);
}

/** Rebuilds a PubCount from the (value, suppressed) columns of a published table. */
export function pubCount(value: number | null, suppressed: boolean): PubCount {
  return suppressed ? { value: null, suppressed: true } : { value: value ?? 0, suppressed: false };
}

export type SuppressedTable = {
  cells: PubCount[][];
  rowTotals: PubCount[];
  colTotals: PubCount[];
  total: PubCount;
  /** How many entries (cells and totals) were hidden, primary and complementary. */
  suppressedCount: number;
};

/**
 * Suppresses a table of counts published WITH its row totals, column totals and grand total.
 * Works on the extended (r+1)x(c+1) matrix, where each row and each column is a line whose
 * last entry is the sum of the others. A line with exactly one hidden entry gives that entry
 * away by subtraction, so we hide one more (the smallest non-zero cell, else the total, else a
 * zero) and repeat until no line has exactly one hidden entry.
 */
export function suppressTable(values: number[][], k: number = rules.minCount, columns?: number): SuppressedTable {
  const r = values.length;
  const c = columns ?? (r === 0 ? 0 : values[0].length);
  for (const row of values) if (row.length !== c) throw new Error("every row must have the same number of cells");
  const ext: number[][] = values.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const colSums = Array.from({ length: c + 1 }, (_, j) => ext.reduce((a, row) => a + row[j], 0));
  ext.push(colSums);
  const hidden = ext.map((row) => row.map((v) => isSmall(v, k)));

  const lines: [number, number][][] = [];
  for (let i = 0; i <= r; i++) lines.push(Array.from({ length: c + 1 }, (_, j) => [i, j] as [number, number]));
  for (let j = 0; j <= c; j++) lines.push(Array.from({ length: r + 1 }, (_, i) => [i, j] as [number, number]));

  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      const count = line.filter(([i, j]) => hidden[i][j]).length;
      if (count !== 1) continue;
      const pick = pickComplement(line, ext, hidden, r, c);
      if (!pick) continue; // a line of one entry (empty table): nothing else to hide
      hidden[pick[0]][pick[1]] = true;
      changed = true;
    }
  }
  const pc = (i: number, j: number): PubCount =>
    hidden[i][j] ? { value: null, suppressed: true } : { value: ext[i][j], suppressed: false };
  return {
    cells: values.map((row, i) => row.map((_, j) => pc(i, j))),
    rowTotals: values.map((_, i) => pc(i, c)),
    colTotals: Array.from({ length: c }, (_, j) => pc(r, j)),
    total: pc(r, c),
    suppressedCount: hidden.flat().filter(Boolean).length,
  };
}

function pickComplement(
  line: [number, number][],
  ext: number[][],
  hidden: boolean[][],
  r: number,
  c: number,
): [number, number] | undefined {
  // Row totals last among non-zero entries (after the grand total): a row whose cells are all
  // hidden still shows its total ("not broken down"), so a chart never draws a busy week as empty.
  const rank = ([i, j]: [number, number]) => {
    const isTotal = i === r || j === c;
    const isRowTotal = j === c && i < r;
    const v = ext[i][j];
    return (v === 0 ? 3e12 : 0) + (isRowTotal ? 2e12 : isTotal ? 1e12 : 0) + v;
  };
  return line.filter(([i, j]) => !hidden[i][j]).sort((a, b) => rank(a) - rank(b))[0];
}

/** A breakdown of one total (e.g. flights by hour of day), published with that total. */
export function suppressSeries(
  values: number[],
  k: number = rules.minCount,
): { cells: PubCount[]; total: PubCount; suppressedCount: number } {
  const t = suppressTable([values], k);
  // Rows of one line: the column "totals" equal the cells, so the row is the only real constraint.
  return {
    cells: t.cells[0] ?? [],
    total: t.total,
    suppressedCount: t.cells[0].filter((x) => x.suppressed).length + (t.total.suppressed ? 1 : 0),
  };
}
