// The attacker: given a published table with totals, tries every row and column subtraction,
// repeatedly (each recovered value helps the next), and returns what it recovered.
import type { PubCount } from "../../lib/publish/rules/suppression";

export type PublishedTable = { cells: PubCount[][]; rowTotals?: PubCount[]; colTotals?: PubCount[]; total?: PubCount };

export function recoverBySubtraction(t: PublishedTable): { i: number; j: number; value: number }[] {
  const r = t.cells.length;
  const c = r ? t.cells[0].length : 0;
  // Extended matrix; an absent total is simply unknown.
  const ext: (number | null)[][] = t.cells.map((row, i) => [
    ...row.map((x) => x.value),
    t.rowTotals?.[i]?.value ?? null,
  ]);
  ext.push([...Array.from({ length: c }, (_, j) => t.colTotals?.[j]?.value ?? null), t.total?.value ?? null]);
  const recovered: { i: number; j: number; value: number }[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    const lines: [number, number][][] = [];
    for (let i = 0; i <= r; i++) lines.push(Array.from({ length: c + 1 }, (_, j) => [i, j] as [number, number]));
    for (let j = 0; j <= c; j++) lines.push(Array.from({ length: r + 1 }, (_, i) => [i, j] as [number, number]));
    for (const line of lines) {
      const unknown = line.filter(([i, j]) => ext[i][j] === null);
      if (unknown.length !== 1) continue;
      const [ui, uj] = unknown[0];
      const parts = line.slice(0, -1);
      const [ti, tj] = line[line.length - 1];
      let value: number;
      if (ui === ti && uj === tj) value = parts.reduce((a, [i, j]) => a + (ext[i][j] as number), 0);
      else
        value =
          (ext[ti][tj] as number) -
          parts.filter(([i, j]) => !(i === ui && j === uj)).reduce((a, [i, j]) => a + (ext[i][j] as number), 0);
      ext[ui][uj] = value;
      progress = true;
      const wasHidden =
        ui < r && uj < c
          ? t.cells[ui][uj].suppressed
          : ui === r && uj < c
            ? t.colTotals?.[uj]?.suppressed
            : uj === c && ui < r
              ? t.rowTotals?.[ui]?.suppressed
              : t.total?.suppressed;
      if (wasHidden) recovered.push({ i: ui, j: uj, value });
    }
  }
  return recovered;
}
