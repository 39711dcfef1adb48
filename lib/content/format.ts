// Numbers as residents read them: "1 min 52 s", "38%", "$5,185".
import { dateTimeFormat, numberFormat } from "../format/intl";

/** Seconds → "1 min 52 s", "45 s", "1 h 5 min". */
export function formatDuration(totalSeconds: number): string {
  const s = Math.round(Math.abs(totalSeconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) {
    const m = Math.floor(s / 60);
    const rest = s % 60;
    return rest ? `${m} min ${rest} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.round((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A share between 0 and 1 → "38%" (one decimal under 10%). */
export function formatShare(share: number): string {
  const pct = share * 100;
  const digits = Math.abs(pct) < 10 && pct !== 0 && !Number.isInteger(pct) ? 1 : 0;
  return `${pct.toFixed(digits)}%`;
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const usdCents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });
/** Cents → "$62,000", or "$13,100.50" when the amount has cents: a record's cents are never rounded away. */
export function formatMoney(cents: number): string {
  const c = Math.round(cents);
  return c % 100 === 0 ? usd.format(c / 100) : usdCents.format(c / 100);
}

export function formatCount(n: number): string {
  return numberFormat("en-US").format(n);
}

/** "2026-03-01" → "March 1, 2026" (dates only, no time zone shift). */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  return dateTimeFormat("en-US", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" }).format(new Date(Date.UTC(y, m - 1, d)));
}
