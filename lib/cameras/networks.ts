// Camera networks and the watch / real-time crime center: per owning network and per area, how
// many cameras are in service, how many are connected, under which agreements and since when.
// Built from the published inventory (city and partner cameras at their sites) and the published
// private-camera counts (already suppressed), so it discloses nothing those do not.

export type InventoryCamera = {
  network: string;
  status: string;
  areaSlug: string | null;
  areaName: string | null;
  integrated: boolean;
  integratedOn: string | null;
  integrationAgreement: string | null;
};

export type PrivateAreaCount = { areaSlug: string; areaName: string; count: number | null; suppressed: boolean };

export type NetworkSummary = {
  network: string;
  /** Cameras in service; null when suppressed (private cameras). */
  cameras: number | null;
  integrated: number | null;
  agreements: string[];
  /** The earliest date a camera of this network was connected, when known. */
  since: string | null;
};

export type AreaRow = {
  areaSlug: string;
  areaName: string;
  /** Per network: cameras in service and how many are connected (null when suppressed). */
  cells: Record<string, { cameras: number | null; integrated: number | null }>;
};

const inService = (c: InventoryCamera) => c.status === "active";

/** The networks present, police first, then in the order given. */
function networksOf(cams: InventoryCamera[], order: readonly string[]): string[] {
  const present = new Set(cams.filter(inService).map((c) => c.network));
  return order.filter((n) => present.has(n));
}

export function networkSummary(
  cams: InventoryCamera[],
  privateCounts: PrivateAreaCount[],
  order: readonly string[],
): NetworkSummary[] {
  const out: NetworkSummary[] = networksOf(cams, order).map((network) => {
    const mine = cams.filter((c) => inService(c) && c.network === network);
    const connected = mine.filter((c) => c.integrated);
    const dates = connected.map((c) => c.integratedOn).filter((d): d is string => d !== null);
    return {
      network,
      cameras: mine.length,
      integrated: connected.length,
      agreements: [
        ...new Set(connected.map((c) => c.integrationAgreement).filter((a): a is string => a !== null)),
      ].sort(),
      since: dates.length ? dates.reduce((a, b) => (a < b ? a : b)) : null,
    };
  });
  const total = privateCounts.find((p) => p.areaSlug === "*");
  if (total && (total.suppressed || (total.count ?? 0) > 0))
    // Every private camera in the inventory is there because it was registered and connected.
    out.push({
      network: "private_business",
      cameras: total.count,
      integrated: total.count,
      agreements: [],
      since: null,
    });
  return out;
}

export function networksByArea(
  cams: InventoryCamera[],
  privateCounts: PrivateAreaCount[],
  areas: { slug: string; name: string }[],
  order: readonly string[],
): { networks: string[]; rows: AreaRow[] } {
  const networks = networksOf(cams, order);
  const withPrivate = privateCounts.some((p) => p.areaSlug !== "*" && (p.suppressed || (p.count ?? 0) > 0));
  const rows = areas.map((a) => {
    const cells: AreaRow["cells"] = {};
    for (const n of networks) {
      const mine = cams.filter((c) => inService(c) && c.network === n && c.areaSlug === a.slug);
      cells[n] = { cameras: mine.length, integrated: mine.filter((c) => c.integrated).length };
    }
    if (withPrivate) {
      const p = privateCounts.find((x) => x.areaSlug === a.slug);
      const v = p ? (p.suppressed ? null : p.count) : 0;
      cells.private_business = { cameras: v, integrated: v };
    }
    return { areaSlug: a.slug, areaName: a.name, cells };
  });
  return { networks: withPrivate ? [...networks, "private_business"] : networks, rows };
}
