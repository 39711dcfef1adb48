// Places area labels on a map without overlaps: each label is tried at its area's centre, then
// nudged up or down; one that still collides (or leaves the map) is left out. Every area keeps
// its name in the shape's tooltip and in the table beside the map, so nothing is lost.
export type LabelInput = { key: string; x: number; y: number; lines: string[] };
export type PlacedLabel = { key: string; x: number; y: number };
type Box = { x0: number; y0: number; x1: number; y1: number };

/** A generous width estimate for a sans-serif line (no text metrics on the server). */
const lineWidth = (text: string, fontSize: number) => text.length * fontSize * 0.66;

function boxOf(l: LabelInput, y: number, fontSize: number, lineHeight: number, pad: number): Box {
  const w = Math.max(...l.lines.map((t) => lineWidth(t, fontSize)));
  // The first line's baseline is at y; the box covers ascent above it and any further lines below.
  return {
    x0: l.x - w / 2 - pad,
    x1: l.x + w / 2 + pad,
    y0: y - fontSize - pad,
    y1: y + (l.lines.length - 1) * lineHeight + pad,
  };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function placeLabels(
  labels: LabelInput[],
  o: { width: number; height: number; fontSize: number; lineHeight: number; pad?: number },
): PlacedLabel[] {
  const pad = o.pad ?? 2;
  const placed: { label: PlacedLabel; box: Box }[] = [];
  const step = o.lineHeight;
  for (const l of labels) {
    for (const dy of [0, -step, step, -2 * step, 2 * step]) {
      const box = boxOf(l, l.y + dy, o.fontSize, o.lineHeight, pad);
      const inside = box.x0 >= 0 && box.y0 >= 0 && box.x1 <= o.width && box.y1 <= o.height;
      if (inside && !placed.some((p) => overlaps(p.box, box))) {
        placed.push({ label: { key: l.key, x: l.x, y: l.y + dy }, box });
        break;
      }
    }
  }
  return placed.map((p) => p.label);
}

/** True when two placed labels would overlap: for tests and callers that check a layout. */
export function layoutOverlaps(
  labels: LabelInput[],
  placed: PlacedLabel[],
  o: { fontSize: number; lineHeight: number; pad?: number },
): boolean {
  const byKey = new Map(labels.map((l) => [l.key, l]));
  const boxes = placed.map((p) => boxOf(byKey.get(p.key)!, p.y, o.fontSize, o.lineHeight, o.pad ?? 2));
  return boxes.some((a, i) => boxes.some((b, j) => i < j && overlaps(a, b)));
}
