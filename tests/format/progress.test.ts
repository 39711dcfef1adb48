import { expect, it } from "vitest";
import { progressLine } from "../../lib/format/progress";

it("says how much is done, the rate and the time left", () => {
  const MB = 1024 * 1024;
  expect(progressLine({ done: 10 * MB, total: 40 * MB, elapsedMs: 5000, unit: "bytes" })).toBe(
    "10.0 MB of 40.0 MB (25%), 2.0 MB/s, about 15 s left",
  );
  expect(progressLine({ done: 1500, elapsedMs: 3000, unit: "rows" })).toBe("1,500 rows, 500 rows/s");
  expect(progressLine({ done: 0, total: 10, elapsedMs: 0, unit: "rows" })).toBe("0 rows of 10 rows (0%)");
});
