import "server-only";
// Camera access rollups from the published access log: accesses per week by operation, by reason
// and by case link, breakdowns per period, top users by pseudonym, and headline metrics.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { queryRows } from "../../db/sql";
import { countGroupingsDated, countsByKeys, type GroupCount } from "./grouping-sets";
import {
  ACCESS_REASONS,
  ACCESS_REASON_LABELS,
  OPERATIONS,
  OPERATION_LABELS,
  ROLE_LABELS,
  labelOf,
} from "../../lib/cameras/vocab";
import {
  seriesBreakdown,
  safeShare,
  tableBreakdown,
  weekKeys,
  type BreakdownRow,
  type Keyed,
  type MetricRow,
  insertRollups,
} from "./rollups";
import { suppressCount } from "../../lib/publish/rules/suppression";

export type CamPeriod = { name: "last30" | "since_launch"; from: Date; to: Date };
const TOP_USERS = 10;

const keyed = (codes: readonly string[], labels: Record<string, string>): Keyed[] =>
  codes.map((c) => ({ key: c, label: labelOf(labels, c) }));
const byCountThenKey = (a: GroupCount, b: GroupCount) => b.n - a.n || (a.k1 < b.k1 ? -1 : a.k1 > b.k1 ? 1 : 0);

/** The keys the camera rollups group the published log by. */
export const CAMERA_DIMS: Record<string, SQL> = {
  week: sql`week_start`,
  operation: sql`operation`,
  reason: sql`reason`,
  linked: sql`case when linked_to_case then 'yes' else 'no' end`,
  agency: sql`agency`,
  role: sql`user_role`,
  user: sql`user_pseudonym`,
  place: sql`place`,
  area: sql`area_slug`,
};
/** The three scans every grouping is summed from; the partial counts are kept per scan and date. */
export const CAMERA_SCANS = [
  ["week", "operation", "reason", "linked"],
  ["user", "role", "agency"],
  ["place", "area"],
];

/** Every grouping the camera rollups need for one period, summed from the log's partial counts. */
function periodGroups(tx: DbOrTx, log: CameraLog, p: CamPeriod) {
  return countGroupingsDated(
    tx,
    { ...log, from: p.from, to: p.to },
    CAMERA_DIMS,
    {
      weekOperation: ["week", "operation"],
      weekReason: ["week", "reason"],
      weekCase: ["week", "linked"],
      operation: ["operation"],
      reason: ["reason"],
      linked: ["linked"],
      agency: ["agency"],
      role: ["role"],
      place: ["place"],
      area: ["area"],
      user: ["user"],
      userRole: ["user", "role"],
      userAgency: ["user", "agency"],
    },
    CAMERA_SCANS,
  );
}
/** The published access log this publication wrote and its partial counts (grouping-sets.ts). */
export type CameraLog = { table: string; partials: string; timeZone: string };
type Groups = Awaited<ReturnType<typeof periodGroups>>;

export type CameraRollups = {
  breakdowns: BreakdownRow[];
  metrics: MetricRow[];
  suppressed: number;
};

/** Rollups of the published access log in `table` (the one this publication is writing). */
export async function cameraRollups(tx: DbOrTx, log: CameraLog, periods: CamPeriod[]): Promise<CameraRollups> {
  const out: BreakdownRow[] = [];
  const metrics: MetricRow[] = [];
  let suppressed = 0;
  const add = (b: { rows: BreakdownRow[]; suppressed: number }) => {
    out.push(...b.rows);
    suppressed += b.suppressed;
  };

  const areaNames = await queryRows<{ slug: string; name: string }>(
    tx,
    sql`select slug, name from areas order by name, slug`,
  );
  const groups = new Map<string, Groups>();
  for (const p of periods) groups.set(p.name, await periodGroups(tx, log, p));
  const all = periods.find((p) => p.name === "since_launch")!;
  const g = groups.get(all.name)!;
  const weekList = g.weekOperation.map((r) => r.k1).sort();
  const weeks = weekList.length ? weekKeys(weekList[0], weekList[weekList.length - 1]) : [];
  add(
    tableBreakdown(
      "cameras",
      "week_operation",
      all.name,
      weeks,
      keyed(OPERATIONS, OPERATION_LABELS),
      countsByKeys(g.weekOperation),
    ),
  );
  add(
    tableBreakdown(
      "cameras",
      "week_reason",
      all.name,
      weeks,
      keyed(ACCESS_REASONS, ACCESS_REASON_LABELS),
      countsByKeys(g.weekReason),
    ),
  );
  const caseCols: Keyed[] = [
    { key: "yes", label: "Linked to a case" },
    { key: "no", label: "No case number" },
  ];
  const caseCounts = countsByKeys(g.weekCase);
  const caseTable = tableBreakdown("cameras", "week_case", all.name, weeks, caseCols, caseCounts);
  // The weekly share without a case number rides on the row-total rows.
  for (const r of caseTable.rows) {
    if (r.key2 !== "*") continue;
    const no = r.key === "*" ? sumCol(caseCounts, "no") : (caseCounts.get(`${r.key}|no`) ?? 0);
    const total =
      r.key === "*" ? sumCol(caseCounts, "no") + sumCol(caseCounts, "yes") : no + (caseCounts.get(`${r.key}|yes`) ?? 0);
    r.value = safeShare(no, total);
  }
  add(caseTable);

  for (const p of periods) {
    const pg = groups.get(p.name)!;
    const n = (rows: GroupCount[], key: string) => rows.find((o) => o.k1 === key)?.n ?? 0;
    add(
      seriesBreakdown(
        "cameras",
        "operation",
        p.name,
        keyed(OPERATIONS, OPERATION_LABELS).map((k) => ({ ...k, n: n(pg.operation, k.key) })),
        "All accesses",
      ),
    );
    add(
      seriesBreakdown(
        "cameras",
        "reason",
        p.name,
        keyed(ACCESS_REASONS, ACCESS_REASON_LABELS).map((k) => ({ ...k, n: n(pg.reason, k.key) })),
        "All accesses",
      ),
    );
    add(
      seriesBreakdown(
        "cameras",
        "agency",
        p.name,
        [...pg.agency].sort(byCountThenKey).map((r) => ({ key: r.k1, label: r.k1, n: r.n })),
        "All accesses",
      ),
    );
    add(
      seriesBreakdown(
        "cameras",
        "role",
        p.name,
        [...pg.role].sort(byCountThenKey).map((r) => ({ key: r.k1, label: labelOf(ROLE_LABELS, r.k1), n: r.n })),
        "All accesses",
      ),
    );
    add(topUsers(p, pg));
    // Accesses by the area of the camera (rollout prioritization's surveillance factor), every area listed.
    add(
      seriesBreakdown(
        "cameras",
        "area",
        p.name,
        areaNames.map((a) => ({ key: a.slug, label: a.name, n: n(pg.area, a.slug) })),
        "All areas",
      ),
    );

    const total = pg.operation.reduce((a, r) => a + r.n, 0);
    const linked = n(pg.linked, "yes");
    const firsts = pg.operation
      .map((r) => r.first)
      .filter((d): d is string => d !== null)
      .sort();
    const lasts = pg.operation
      .map((r) => r.last)
      .filter((d): d is string => d !== null)
      .sort();
    const meta = {
      dataset: "cameras" as const,
      period: p.name,
      periodStart: firsts[0] ?? null,
      periodEnd: lasts[lasts.length - 1] ?? null,
    };
    const count = (metric: string, v: number) => {
      const c = suppressCount(v);
      metrics.push({ ...meta, metric, value: c.value, n: c.value, suppressed: c.suppressed });
    };
    const share = (metric: string, part: number) => {
      const v = safeShare(part, total);
      metrics.push({ ...meta, metric, value: v, n: suppressCount(total).value, suppressed: v === null });
    };
    count("accesses", total);
    count("users", pg.user.length);
    count("places", pg.place.length);
    share("share_linked_to_case", linked);
    share("share_without_case", total - linked);
  }
  return { breakdowns: out, metrics, suppressed };
}

/** Writes rollups computed by cameraRollups (the caller has cleared the dataset's old ones). */
export async function writeCameraRollups(tx: DbOrTx, r: CameraRollups): Promise<number> {
  return insertRollups(tx, { breakdowns: r.breakdowns, metrics: r.metrics });
}

function sumCol(counts: Map<string, number>, col: string): number {
  let s = 0;
  for (const [k, n] of counts) if (k.endsWith(`|${col}`)) s += n;
  return s;
}

/** The most active pseudonymous users, plus "all other users", published with the total. */
function topUsers(p: CamPeriod, g: Groups) {
  // A user's role and agency are the ones most of their accesses carry (ties: the first by name).
  const mode = (rows: GroupCount[]) => {
    const best = new Map<string, GroupCount>();
    for (const r of rows) {
      const b = best.get(r.k1);
      if (!b || r.n > b.n || (r.n === b.n && r.k2 < b.k2)) best.set(r.k1, r);
    }
    return best;
  };
  const roles = mode(g.userRole);
  const agencies = mode(g.userAgency);
  const users = [...g.user].sort(byCountThenKey);
  const top = users.slice(0, TOP_USERS);
  const items = top.map((u) => ({
    key: u.k1,
    label: `${u.k1} · ${labelOf(ROLE_LABELS, roles.get(u.k1)?.k2 ?? "")}, ${agencies.get(u.k1)?.k2 ?? ""}`,
    n: u.n,
  }));
  const rest = users.reduce((a, u) => a + u.n, 0) - top.reduce((a, u) => a + u.n, 0);
  if (users.length > top.length) items.push({ key: "_others", label: "All other users", n: rest });
  return seriesBreakdown("cameras", "top_users", p.name, items, "All accesses");
}
