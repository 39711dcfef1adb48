import { formatDuration } from "./numbers";

// Progress of long work in words: "12.0 MB of 40.0 MB (30%), 3.1 MB/s, about 9 s left".
export type ProgressState = { done: number; total?: number; elapsedMs: number; unit: "bytes" | "rows" | "seconds" };

const MB = 1024 * 1024;

function amount(n: number, unit: ProgressState["unit"]): string {
  if (unit === "bytes") return `${(n / MB).toFixed(1)} MB`;
  if (unit === "seconds") return `${Math.round(n)} s`;
  return `${Math.round(n).toLocaleString("en-US")} rows`;
}

export function progressLine(p: ProgressState): string {
  const secs = p.elapsedMs / 1000;
  const parts = [
    p.total
      ? `${amount(p.done, p.unit)} of ${amount(p.total, p.unit)} (${Math.floor((100 * p.done) / p.total)}%)`
      : amount(p.done, p.unit),
  ];
  const rate = secs > 0 ? p.done / secs : 0;
  if (p.unit !== "seconds" && rate > 0) parts.push(`${amount(rate, p.unit)}/s`);
  if (p.total && rate > 0 && p.done < p.total) parts.push(`about ${formatDuration((p.total - p.done) / rate)} left`);
  return parts.join(", ");
}
