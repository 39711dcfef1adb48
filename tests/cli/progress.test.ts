// Progress is drawn on a terminal only, never in a log or under CI, and reads as rows (or steps),
// rate and time left.
import { describe, expect, it } from "vitest";
import { progress, showsProgress } from "../../cli/progress";
import { progressLine } from "../../lib/format/progress";

/** A write stream that records what is written to it. */
function sink(isTTY: boolean) {
  const out: string[] = [];
  const stream = { isTTY, write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, out };
}

describe("when progress is shown", () => {
  it("is shown on a terminal unless CI is set", () => {
    expect(showsProgress({ isTTY: true }, {})).toBe(true);
    expect(showsProgress({ isTTY: true }, { CI: "" })).toBe(true);
    expect(showsProgress({ isTTY: true }, { CI: "false" })).toBe(true);
    expect(showsProgress({ isTTY: true }, { CI: "0" })).toBe(true);
    expect(showsProgress({ isTTY: true }, { CI: "true" })).toBe(false);
    expect(showsProgress({ isTTY: true }, { CI: "1" })).toBe(false);
    expect(showsProgress({ isTTY: false }, {})).toBe(false);
    expect(showsProgress({}, {})).toBe(false);
  });

  it("writes nothing in a log or under CI, and one line in place on a terminal", () => {
    for (const [tty, env] of [
      [false, {}],
      [true, { CI: "true" }],
    ] as const) {
      const { stream, out } = sink(tty);
      const p = progress("Seeding", stream, env);
      p.update("1 row");
      p.clear();
      expect(out).toEqual([]);
    }
    const { stream, out } = sink(true);
    const p = progress("Seeding", stream, {});
    p.update("10 rows");
    p.update("20 rows"); // within 200 ms of the first: not drawn
    expect(out).toEqual(["\r\x1b[2KSeeding: 10 rows"]);
    p.clear();
    expect(out.at(-1)).toBe("\r\x1b[2K");
    p.done("done");
    expect(out.at(-1)).toBe("Seeding: done\n");
  });
});

describe("progress lines", () => {
  it("give rows, an estimated total, the rate and the time left", () => {
    expect(progressLine({ done: 120_000, total: 435_000, estimated: true, elapsedMs: 3_000, unit: "rows" })).toBe(
      "120,000 rows of about 435,000 (27%), 40,000 rows/s, about 8 s left",
    );
  });

  it("never show more than 99% or a negative time left when an estimate is exceeded", () => {
    expect(progressLine({ done: 500_000, total: 435_000, estimated: true, elapsedMs: 10_000, unit: "rows" })).toBe(
      "500,000 rows of about 500,000 (99%), 50,000 rows/s",
    );
  });

  it("count publication steps with the time left", () => {
    expect(progressLine({ done: 3, total: 9, elapsedMs: 6_000, unit: "steps" })).toBe(
      "3 of 9 steps (33%), about 12 s left",
    );
  });

  it("keep the byte form imports use", () => {
    expect(progressLine({ done: 12 * 1024 * 1024, total: 40 * 1024 * 1024, elapsedMs: 4_000, unit: "bytes" })).toBe(
      "12.0 MB of 40.0 MB (30%), 3.0 MB/s, about 9 s left",
    );
  });
});
