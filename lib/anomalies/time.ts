// Local clock times in the city's time zone (daylight saving handled by Intl).
import { dateTimeFormat } from "../format/intl";
import { zonedParts } from "../time";

/** Minutes since local midnight (through the publication rules' cached zone offsets: recomputing flags reads every access). */
export function localMinutes(at: Date, timeZone: string): number {
  const p = zonedParts(at, timeZone);
  return p.hour * 60 + p.minute;
}

const parsed = new Map<string, number>();

/** "HH:MM" as minutes since midnight (cached: the rules ask for every record). */
export function parseHhmm(s: string): number {
  let v = parsed.get(s);
  if (v === undefined) {
    const [h, m] = s.split(":").map(Number);
    parsed.set(s, (v = h * 60 + m));
  }
  return v;
}

/** True when the local time falls in [start, end), a window that may wrap past midnight. */
export function inWindow(minutes: number, start: number, end: number): boolean {
  return start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function localTimeLabel(at: Date, timeZone: string): string {
  return dateTimeFormat("en-US", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}
