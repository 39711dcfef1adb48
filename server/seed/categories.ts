import "server-only";
// The standard call-category taxonomy (installed by `daylight setup`; sensitive per privacy.md),
// with how often each demo program meets them. Weights are relative shares of demo calls.

export type CategoryDef = {
  code: string;
  label: string;
  grouping: string;
  sensitive?: boolean;
  /** Relative share among drone flights (0 = drones are not sent). */
  drone: number;
  /** Relative share among CSO calls (0 = CSOs do not take it). */
  cso: number;
};

export const CATEGORIES: CategoryDef[] = [
  { code: "theft", label: "Theft", grouping: "property", drone: 6, cso: 14 },
  { code: "burglary", label: "Burglary", grouping: "property", drone: 7, cso: 9 },
  { code: "vehicle_burglary", label: "Vehicle burglary", grouping: "property", drone: 4, cso: 10 },
  { code: "shoplifting", label: "Shoplifting", grouping: "property", drone: 3, cso: 6 },
  { code: "stolen_vehicle", label: "Stolen vehicle", grouping: "property", drone: 5, cso: 3 },
  { code: "vandalism", label: "Vandalism", grouping: "property", drone: 3, cso: 7 },
  { code: "fraud", label: "Fraud or identity theft", grouping: "property", drone: 0, cso: 4 },
  { code: "assault", label: "Assault", grouping: "violent", drone: 6, cso: 0 },
  { code: "robbery", label: "Robbery", grouping: "violent", drone: 4, cso: 0 },
  { code: "weapons", label: "Person with a weapon", grouping: "violent", drone: 3, cso: 0 },
  { code: "shots_fired", label: "Shots fired", grouping: "violent", drone: 2, cso: 0 },
  { code: "suspicious_person", label: "Suspicious person", grouping: "suspicious", drone: 11, cso: 0 },
  { code: "suspicious_vehicle", label: "Suspicious vehicle", grouping: "suspicious", drone: 6, cso: 2 },
  { code: "alarm", label: "Alarm", grouping: "suspicious", drone: 5, cso: 0 },
  { code: "disturbance", label: "Disturbance", grouping: "quality_of_life", drone: 8, cso: 3 },
  { code: "trespass", label: "Trespass", grouping: "quality_of_life", drone: 4, cso: 3 },
  { code: "noise", label: "Noise complaint", grouping: "quality_of_life", drone: 1, cso: 6 },
  { code: "encampment", label: "Encampment", grouping: "quality_of_life", drone: 0, cso: 5 },
  { code: "graffiti", label: "Graffiti", grouping: "quality_of_life", drone: 0, cso: 4 },
  { code: "illegal_dumping", label: "Illegal dumping", grouping: "quality_of_life", drone: 0, cso: 3 },
  { code: "abandoned_vehicle", label: "Abandoned vehicle", grouping: "traffic", drone: 0, cso: 6 },
  { code: "parking", label: "Parking problem", grouping: "traffic", drone: 0, cso: 5 },
  { code: "traffic_collision", label: "Traffic collision", grouping: "traffic", drone: 5, cso: 3 },
  { code: "traffic_hazard", label: "Traffic hazard", grouping: "traffic", drone: 2, cso: 3 },
  { code: "reckless_driving", label: "Reckless driving", grouping: "traffic", drone: 3, cso: 0 },
  { code: "missing_person", label: "Missing person", grouping: "service", drone: 2, cso: 1 },
  { code: "found_property", label: "Found property", grouping: "service", drone: 0, cso: 4 },
  { code: "animal", label: "Animal problem", grouping: "service", drone: 0, cso: 3 },
  { code: "fire", label: "Fire", grouping: "service", drone: 1, cso: 0 },
  { code: "domestic_violence", label: "Domestic violence", grouping: "violent", sensitive: true, drone: 3.6, cso: 0 },
  { code: "sexual_assault", label: "Sexual assault", grouping: "violent", sensitive: true, drone: 0.4, cso: 0 },
  { code: "child_abuse", label: "Child abuse", grouping: "violent", sensitive: true, drone: 0.2, cso: 0 },
  { code: "juvenile", label: "Juvenile subject", grouping: "service", sensitive: true, drone: 1, cso: 2 },
  { code: "mental_health", label: "Mental health crisis", grouping: "service", sensitive: true, drone: 1.5, cso: 4 },
  { code: "medical", label: "Medical", grouping: "service", sensitive: true, drone: 1.2, cso: 1 },
  { code: "welfare_check", label: "Welfare check", grouping: "service", sensitive: true, drone: 3.8, cso: 7 },
  { code: "other", label: "Other", grouping: "other", drone: 2, cso: 3 },
  // Reference only (the demo generates none): what real city logs need beyond the demo's calls.
  { code: "investigation", label: "Criminal investigation", grouping: "other", drone: 0, cso: 0 },
  { code: "training", label: "Training or test flight", grouping: "other", drone: 0, cso: 0 },
  { code: "unclassified", label: "Not yet classified", grouping: "other", drone: 0, cso: 0 },
];

export const SENSITIVE_CODES = new Set(CATEGORIES.filter((c) => c.sensitive).map((c) => c.code));
export const categoryByCode = new Map(CATEGORIES.map((c) => [c.code, c]));
export const droneMix = CATEGORIES.filter((c) => c.drone > 0).map((c) => [c, c.drone] as const);
export const csoMix = CATEGORIES.filter((c) => c.cso > 0).map((c) => [c, c.cso] as const);
