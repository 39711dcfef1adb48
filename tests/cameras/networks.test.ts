import { describe, expect, it } from "vitest";
import { networkSummary, networksByArea, type InventoryCamera } from "../../lib/cameras/networks";
import { CAMERA_NETWORKS } from "../../lib/vocab";

const cam = (over: Partial<InventoryCamera>): InventoryCamera => ({
  network: "police",
  status: "active",
  areaSlug: "north",
  areaName: "North",
  integrated: true,
  integratedOn: "2025-01-10",
  integrationAgreement: null,
  ...over,
});
const areas = [
  { slug: "north", name: "North" },
  { slug: "south", name: "South" },
];

describe("camera networks and the crime center", () => {
  const cams = [
    cam({}),
    cam({ areaSlug: "south", integratedOn: "2024-12-01" }),
    cam({ network: "transportation", integrated: true, integratedOn: "2025-05-02", integrationAgreement: "B MOU" }),
    cam({ network: "transportation", areaSlug: "south", integrated: false, integratedOn: null }),
    cam({ network: "transportation", integratedOn: "2025-03-01", integrationAgreement: "A MOU" }),
    cam({ network: "street_lighting", status: "removed" }),
  ];

  it("counts cameras in service and connected per network, with agreements and the first date", () => {
    const s = networkSummary(cams, [], CAMERA_NETWORKS);
    expect(s.map((x) => x.network)).toEqual(["police", "transportation"]); // removed cameras are not in service
    expect(s[0]).toMatchObject({ cameras: 2, integrated: 2, agreements: [], since: "2024-12-01" });
    expect(s[1]).toMatchObject({ cameras: 3, integrated: 2, agreements: ["A MOU", "B MOU"], since: "2025-03-01" });
  });

  it("adds private cameras only from the published counts, suppressed ones as null", () => {
    const priv = [
      { areaSlug: "north", areaName: "North", count: null, suppressed: true },
      { areaSlug: "south", areaName: "South", count: 0, suppressed: false },
      { areaSlug: "*", areaName: "All areas", count: null, suppressed: true },
    ];
    expect(networkSummary(cams, priv, CAMERA_NETWORKS).at(-1)).toMatchObject({
      network: "private_business",
      cameras: null,
    });
    const byArea = networksByArea(cams, priv, areas, CAMERA_NETWORKS);
    expect(byArea.networks).toEqual(["police", "transportation", "private_business"]);
    expect(byArea.rows[0].cells).toEqual({
      police: { cameras: 1, integrated: 1 },
      transportation: { cameras: 2, integrated: 2 },
      private_business: { cameras: null, integrated: null },
    });
    expect(byArea.rows[1].cells.transportation).toEqual({ cameras: 1, integrated: 0 });
    expect(byArea.rows[1].cells.private_business).toEqual({ cameras: 0, integrated: 0 });
  });

  it("leaves private cameras out when the city has none", () => {
    const none = [{ areaSlug: "*", areaName: "All areas", count: 0, suppressed: false }];
    expect(networkSummary(cams, none, CAMERA_NETWORKS).map((x) => x.network)).not.toContain("private_business");
    expect(networksByArea(cams, none, areas, CAMERA_NETWORKS).networks).not.toContain("private_business");
  });
});
