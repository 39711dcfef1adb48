// runsBy: rows read in key order, batch after batch, come out one run of equal keys at a time.
import { describe, expect, it } from "vitest";
import { runsBy } from "../../lib/anomalies/runs";

describe("runsBy", () => {
  it("hands on each run when its key changes and the last at the end, across batch edges", () => {
    const runs: string[][] = [];
    const r = runsBy<string, string>(
      (s) => s[0],
      (run) => runs.push(run),
    );
    for (const batch of [["a1", "a2"], ["a3", "b1"], [], ["c1", "c2"]]) for (const s of batch) r.add(s);
    expect(runs).toEqual([["a1", "a2", "a3"], ["b1"]]);
    r.end();
    expect(runs).toEqual([["a1", "a2", "a3"], ["b1"], ["c1", "c2"]]);
    r.end();
    expect(runs).toHaveLength(3);
  });
});
