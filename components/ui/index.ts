export { MetricCard } from "./metric-card";
