// Per-person baselines: a user's own usual hours and volume, and their role's, instead of fixed
// windows that mean nothing in a watch center staffed around the clock. Built in two passes so a
// recompute never holds everyone's records: `add` every record once (counts by person, role, hour
// and day), then `check` each record again to get its flags.
import type { AnomalyConfig } from "./config";
import { zonedParts } from "../time";
import type { Activity, Flag, RecordType } from "./types";

const WHAT: Record<Activity["recordType"], string> = {
  camera_access: "camera access",
  alpr_search: "plate search",
  drone_flight: "flight",
};
const KIND: Record<RecordType, number> = { camera_access: 0, alpr_search: 1, drone_flight: 2 };

/** Each hour's share of the records at that hour ±1 (counts: 24 hours, then the total). */
function hourShares(h: Float64Array): Float64Array {
  const n = h[24];
  const smooth = new Float64Array(24);
  for (let i = 0; i < 24; i++) smooth[i] = (h[(i + 23) % 24] + h[i] + h[(i + 1) % 24]) / 3 / Math.max(1, n);
  return smooth;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Local calendar day as a number (20260310), and as YYYY-MM-DD. */
const dayNumber = (p: { year: number; month: number; day: number }) => p.year * 10_000 + p.month * 100 + p.day;
const dayLabel = (d: number) =>
  `${Math.floor(d / 10_000)}-${String(Math.floor(d / 100) % 100).padStart(2, "0")}-${String(d % 100).padStart(2, "0")}`;

function count<K>(m: Map<K, Float64Array>, k: K, hour: number): void {
  let h = m.get(k);
  if (!h) m.set(k, (h = new Float64Array(25)));
  h[hour]++;
  h[24]++;
}

type Volume = { median: number; limit: number; days: Map<number, number> };

export class ActivityBaselines {
  private readonly personHours = new Map<number, Float64Array>();
  private readonly roleHours = new Map<string, Float64Array>();
  /** Per person and kind of record (personnelId * 4 + kind): records per local day. */
  private readonly days = new Map<number, Map<number, number>>();
  private own: Map<number, Float64Array | null> | null = null;
  private peers: Map<string, Float64Array> | null = null;
  private volume: Map<number, Volume | null> | null = null;

  constructor(
    private readonly cfg: AnomalyConfig,
    private readonly timeZone: string,
  ) {}

  /** First pass: count one record. */
  add(a: Omit<Activity, "id">): void {
    if (this.own) throw new Error("ActivityBaselines: add() after check()");
    const p = zonedParts(a.at, this.timeZone);
    count(this.personHours, a.personnelId, p.hour);
    count(this.roleHours, a.role, p.hour);
    const k = a.personnelId * 4 + KIND[a.recordType];
    let perDay = this.days.get(k);
    if (!perDay) this.days.set(k, (perDay = new Map<number, number>()));
    const d = dayNumber(p);
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }

  private finish(): void {
    const { minOwnRecords } = this.cfg.unusualHours;
    const { multiplier, minExtra, minActiveDays } = this.cfg.volumeSpike;
    this.own = new Map([...this.personHours].map(([id, h]) => [id, h[24] >= minOwnRecords ? hourShares(h) : null]));
    this.peers = new Map([...this.roleHours].map(([role, h]) => [role, hourShares(h)]));
    this.volume = new Map();
    for (const [k, perDay] of this.days) {
      if (perDay.size < minActiveDays) {
        this.volume.set(k, null);
        continue;
      }
      const counts = [...perDay.values()].sort((x, y) => x - y);
      const median = counts[Math.floor((counts.length - 1) / 2)];
      this.volume.set(k, { median, limit: Math.max(median * multiplier, median + minExtra), days: perDay });
    }
  }

  /** Second pass: the record's unusual_hours and volume_spike flags (after every record was added). */
  check(a: Activity, out: (f: Flag) => void): void {
    if (!this.own) this.finish();
    const p = zonedParts(a.at, this.timeZone);
    const hours = this.unusualHours(a, p.hour);
    if (hours) out(hours);
    const volume = this.volumeSpike(a, dayNumber(p));
    if (volume) out(volume);
  }

  /**
   * A record at an hour (±1) that holds less than maxShare of the user's own records and of their
   * role's. A round-the-clock operator at 3 a.m. is not flagged; an analyst who never works nights is.
   */
  private unusualHours(a: Activity, hour: number): Flag | null {
    const { maxShare } = this.cfg.unusualHours;
    // A record the first pass never saw (an import committed between the passes, whose own
    // recompute follows) with a role it never saw has no peers to be judged against.
    const shares = this.peers!.get(a.role);
    if (!shares) return null;
    const peers = shares[hour];
    const own = this.own!.get(a.personnelId) ?? null;
    const mine = own ? own[hour] : null;
    if (peers >= maxShare || (mine !== null && mine >= maxShare)) return null;
    const label = `${String(hour).padStart(2, "0")}:00`;
    return {
      recordType: a.recordType,
      recordId: a.id,
      rule: "unusual_hours",
      occurredAt: a.at,
      explanation: `This ${WHAT[a.recordType]} happened around ${label}, an hour that holds ${mine !== null ? `${pct(mine)} of this user's records and ` : ""}${pct(peers)} of their role's (the threshold is ${pct(maxShare)}).`,
      details: { hour, ownShare: mine, peerShare: peers, role: a.role },
    };
  }

  /**
   * Days on which a user made far more records of one kind than on their own usual active day:
   * more than multiplier × their median and at least minExtra above it. Each record of that day is flagged.
   */
  private volumeSpike(a: Activity, day: number): Flag | null {
    const v = this.volume!.get(a.personnelId * 4 + KIND[a.recordType]);
    if (!v) return null;
    const n = v.days.get(day) ?? 0;
    if (n <= v.limit) return null;
    const label = dayLabel(day);
    return {
      recordType: a.recordType,
      recordId: a.id,
      rule: "volume_spike",
      occurredAt: a.at,
      explanation: `On ${label} this user made ${n} ${WHAT[a.recordType]}${a.recordType === "alpr_search" ? "es" : "s"}; on a usual working day they make ${v.median}.`,
      details: { day: label, count: n, median: v.median, limit: v.limit },
    };
  }
}

function baselineFlags(activity: Activity[], cfg: AnomalyConfig, timeZone: string, rule: Flag["rule"]): Flag[] {
  const b = new ActivityBaselines(cfg, timeZone);
  for (const a of activity) b.add(a);
  const flags: Flag[] = [];
  for (const a of activity) b.check(a, (f) => f.rule === rule && flags.push(f));
  return flags;
}

/** unusual_hours over a list held in memory (tests, small inputs). */
export function unusualHours(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
  return baselineFlags(activity, cfg, timeZone, "unusual_hours");
}

/** volume_spike over a list held in memory (tests, small inputs). */
export function volumeSpike(activity: Activity[], cfg: AnomalyConfig, timeZone: string): Flag[] {
  return baselineFlags(activity, cfg, timeZone, "volume_spike");
}
