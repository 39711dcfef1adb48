import { formatDuration } from "./numbers";

// Progress of long work in words: "12.0 MB of 40.0 MB (30%), 3.1 MB/s, about 9 s left";
// "120,000 rows of about 435,000 (27%), 41,200 rows/s, about 8 s left" (an estimated total says
// "about"); "3 of 9 steps (33%), about 20 s left".
export type ProgressState = {
  done: number;
  total?: number;
  /** The total is an estimate (e.g. rows a seed is expected to write). */
  estimated?: boolean;
  elapsedMs: number;
  unit: "bytes" | "rows" | "seconds" | "steps";
};

const MB = 1024 * 1024;

function amount(n: number, unit: ProgressState["unit"]): string {
  if (unit === "bytes") return `${(n / MB).toFixed(1)} MB`;
  if (unit === "seconds") return `${Math.round(n)} s`;
  if (unit === "steps") return `${Math.round(n)}`;
  return `${Math.round(n).toLocaleString("en-US")} rows`;
}

export function progressLine(p: ProgressState): string {
  const secs = p.elapsedMs / 1000;
  // An estimated total grows to what is done, and its share stops at 99%.
  const total = p.total && p.estimated ? Math.max(p.total, p.done) : p.total;
  const of = (t: number) =>
    p.unit === "steps"
      ? `${amount(p.done, p.unit)} of ${amount(t, p.unit)} steps`
      : p.estimated && p.unit === "rows"
        ? `${amount(p.done, p.unit)} of about ${Math.round(t).toLocaleString("en-US")}`
        : `${amount(p.done, p.unit)} of ${p.estimated ? "about " : ""}${amount(t, p.unit)}`;
  const share = (t: number) => Math.min(p.estimated ? 99 : 100, Math.floor((100 * p.done) / t));
  const parts = [total ? `${of(total)} (${share(total)}%)` : amount(p.done, p.unit)];
  const rate = secs > 0 ? p.done / secs : 0;
  if (p.unit !== "seconds" && p.unit !== "steps" && rate > 0) parts.push(`${amount(rate, p.unit)}/s`);
  if (total && rate > 0 && p.done < total) parts.push(`about ${formatDuration((total - p.done) / rate)} left`);
  return parts.join(", ");
}
