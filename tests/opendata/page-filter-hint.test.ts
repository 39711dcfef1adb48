// Issue 25 item 11: /data tells readers to "filter there" only for pages that have filters;
// /cso has none, so its section points to the download's parameters instead.
import { describe, expect, it } from "vitest";
import { pageFilterHint } from "@/lib/opendata/dictionary";
import { datasets, getDataset } from "@/lib/opendata/registry";

describe("where to filter a dataset", () => {
  it("the CSO calls page has no filters, so it is not sent there to filter", () => {
    const cso = getDataset("cso-calls")!;
    expect(pageFilterHint(cso)).not.toMatch(/filter there/);
    expect(pageFilterHint(cso)).toMatch(/add the parameters listed under Filters/);
  });
  it("only pages with filter forms are named as the place to filter", () => {
    const filterThere = datasets.filter((d) => /filter there/.test(pageFilterHint(d))).map((d) => d.pagePath);
    expect(filterThere.sort()).toEqual(["/cameras/access-log", "/drones/flights", "/plate-readers"]);
  });
});
