export { MetricCard, type MetricCardProps } from "./metric-card";
export { anySuppressed, formatCount, formatShare, SUPPRESSED_TEXT } from "./format";
