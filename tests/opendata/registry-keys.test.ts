// The open-data registry is keyed by OPEN_DATASETS: each entry's slug is its key, in that order.
import { describe, expect, it } from "vitest";
import { datasets, getDataset } from "../../lib/opendata/registry";
import { OPEN_DATASETS } from "../../lib/vocab";

describe("open-data registry", () => {
  it("lists every open dataset once, under its own slug, in vocabulary order", () => {
    expect(datasets.map((d) => d.slug)).toEqual([...OPEN_DATASETS]);
    for (const slug of OPEN_DATASETS) expect(getDataset(slug)?.slug).toBe(slug);
  });
});
