// The anomaly configuration tests score with: the rules every config file must name, at their
// defaults, plus what the test sets (weights, phrases, watch lists…).
import type { z } from "zod";
import { anomalyConfigSchema, type AnomalyConfig } from "../../lib/anomalies/config";

export function testAnomalyConfig(settings: Partial<z.input<typeof anomalyConfigSchema>>): AnomalyConfig {
  return anomalyConfigSchema.parse({
    noCaseNumber: {},
    cameraBurst: {},
    sensitiveSites: {},
    flightDetour: {},
    flightDuration: {},
    ...settings,
  });
}
