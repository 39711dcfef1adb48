// Rules over the reasons users type: boilerplate that says nothing, and reasons that point to
// immigration enforcement or protected activity (configurable lists in config/anomalies.json).
import type { AnomalyConfig } from "./config";
import type { Flag, RecordType } from "./types";

/** A record's reason as the rules see it. */
export type Reasoned = {
  recordType: RecordType;
  id: number;
  at: Date;
  /** What the user did, in words: "searched plate-reader data", "exported video". */
  operation: string;
  reason: string | null;
  offense?: string | null;
};

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();

/**
 * Per configuration, what a reason text comes to: the same few reasons recur over millions of
 * records, so each is read once (a bounded memo; the rules stay pure).
 */
function memo<C extends object, T>(read: (cfg: C, text: string) => T): (cfg: C, text: string) => T {
  const byCfg = new WeakMap<C, Map<string, T>>();
  return (cfg, text) => {
    let m = byCfg.get(cfg);
    if (!m) byCfg.set(cfg, (m = new Map<string, T>()));
    let v = m.get(text);
    if (v === undefined && !m.has(text)) {
      v = read(cfg, text);
      if (m.size >= 100_000) m.clear();
      m.set(text, v);
    }
    return v as T;
  };
}

/** Why a reason is vague (null: it is not), and whether it is a configured boilerplate phrase. */
const vagueness = memo((cfg: AnomalyConfig["vagueReason"], reason: string) => {
  const { phrases, minChars, minWords } = cfg;
  const text = normalize(reason);
  const words = text === "" ? 0 : text.split(" ").length;
  const phrase = phrases.find((p) => normalize(p) === text);
  let why: string | null = null;
  if (text === "") why = "gives no reason";
  else if (phrase !== undefined) why = `gives only the boilerplate reason "${reason.trim()}"`;
  else if (text.length < minChars || words < minWords)
    why = `gives the reason "${reason.trim()}", too short to say why`;
  return { why, boilerplate: phrase !== undefined };
});

/** A reason that is missing, too short to say why, or one of the configured boilerplate phrases. */
export function vagueReason(r: Reasoned, cfg: AnomalyConfig): Flag | null {
  const { why, boilerplate } = vagueness(cfg.vagueReason, r.reason ?? "");
  if (why === null) return null;
  return {
    recordType: r.recordType,
    recordId: r.id,
    rule: "vague_reason",
    occurredAt: r.at,
    explanation: `The user ${r.operation} and ${why}: nothing in the record says what was being investigated.`,
    details: { reason: r.reason ?? null, boilerplate },
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = new Map<string, RegExp>();
function termPattern(term: string): RegExp {
  let re = patterns.get(term);
  if (!re) {
    // Short all-capital terms (ICE, HSI) only as capitals, so "ice" in "office" or "police" never matches.
    const caps = term.length <= 4 && term === term.toUpperCase();
    re = new RegExp(`(^|[^A-Za-z])${escape(term)}(?=$|[^A-Za-z])`, caps ? "" : "i");
    patterns.set(term, re);
  }
  return re;
}

/** The first watch-list term found in the reason or offense text, per list. */
export function watchListMatches(lists: Record<string, string[]>, text: string): { list: string; term: string }[] {
  const out: { list: string; term: string }[] = [];
  for (const [list, terms] of Object.entries(lists)) {
    const term = terms.find((t) => termPattern(t).test(text));
    if (term !== undefined) out.push({ list, term });
  }
  return out;
}

const watchListHits = memo(watchListMatches);

export function watchList(r: Reasoned, cfg: AnomalyConfig): Flag | null {
  const text = [r.reason, r.offense].filter((s): s is string => typeof s === "string").join(" \n ");
  if (text.trim() === "") return null;
  const hits = watchListHits(cfg.watchLists, text);
  if (hits.length === 0) return null;
  return {
    recordType: r.recordType,
    recordId: r.id,
    rule: "watch_list",
    occurredAt: r.at,
    explanation: `The user ${r.operation} with a reason that mentions ${hits.map((h) => `"${h.term}" (${h.list})`).join(" and ")}. City policy bars using this technology for immigration enforcement or to watch protected activity.`,
    details: { lists: hits.map((h) => h.list), terms: hits.map((h) => h.term) },
  };
}
