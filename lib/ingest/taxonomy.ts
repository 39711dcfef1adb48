// The standard call-category taxonomy as plain data (codes, plain-English labels, grouping, and which
// are sensitive, which publication generalizes per lib/publish/rules.ts). `daylight setup` installs it (server/seed/categories.ts adds
// the demo weights; tests/ingest/taxonomy.test.ts keeps the two in step). Published plate-reader
// search purposes use these codes (lib/cameras/vocab.ts, ALPR_REASONS).

export type StandardCategory = { code: string; label: string; grouping: string; sensitive?: boolean };

export const STANDARD_CATEGORIES = [
  { code: "theft", label: "Theft", grouping: "property" },
  { code: "burglary", label: "Burglary", grouping: "property" },
  { code: "vehicle_burglary", label: "Vehicle burglary", grouping: "property" },
  { code: "shoplifting", label: "Shoplifting", grouping: "property" },
  { code: "stolen_vehicle", label: "Stolen vehicle", grouping: "property" },
  { code: "vandalism", label: "Vandalism", grouping: "property" },
  { code: "fraud", label: "Fraud or identity theft", grouping: "property" },
  { code: "assault", label: "Assault", grouping: "violent" },
  { code: "robbery", label: "Robbery", grouping: "violent" },
  { code: "weapons", label: "Person with a weapon", grouping: "violent" },
  { code: "shots_fired", label: "Shots fired", grouping: "violent" },
  { code: "suspicious_person", label: "Suspicious person", grouping: "suspicious" },
  { code: "suspicious_vehicle", label: "Suspicious vehicle", grouping: "suspicious" },
  { code: "alarm", label: "Alarm", grouping: "suspicious" },
  { code: "disturbance", label: "Disturbance", grouping: "quality_of_life" },
  { code: "trespass", label: "Trespass", grouping: "quality_of_life" },
  { code: "noise", label: "Noise complaint", grouping: "quality_of_life" },
  { code: "encampment", label: "Encampment", grouping: "quality_of_life" },
  { code: "graffiti", label: "Graffiti", grouping: "quality_of_life" },
  { code: "illegal_dumping", label: "Illegal dumping", grouping: "quality_of_life" },
  { code: "abandoned_vehicle", label: "Abandoned vehicle", grouping: "traffic" },
  { code: "parking", label: "Parking problem", grouping: "traffic" },
  { code: "traffic_collision", label: "Traffic collision", grouping: "traffic" },
  { code: "traffic_hazard", label: "Traffic hazard", grouping: "traffic" },
  { code: "reckless_driving", label: "Reckless driving", grouping: "traffic" },
  { code: "missing_person", label: "Missing person", grouping: "service" },
  { code: "found_property", label: "Found property", grouping: "service" },
  { code: "animal", label: "Animal problem", grouping: "service" },
  { code: "fire", label: "Fire", grouping: "service" },
  { code: "domestic_violence", label: "Domestic violence", grouping: "violent", sensitive: true },
  { code: "sexual_assault", label: "Sexual assault", grouping: "violent", sensitive: true },
  { code: "child_abuse", label: "Child abuse", grouping: "violent", sensitive: true },
  { code: "juvenile", label: "Juvenile subject", grouping: "service", sensitive: true },
  { code: "mental_health", label: "Mental health crisis", grouping: "service", sensitive: true },
  { code: "medical", label: "Medical", grouping: "service", sensitive: true },
  { code: "welfare_check", label: "Welfare check", grouping: "service", sensitive: true },
  { code: "other", label: "Other", grouping: "other" },
  { code: "investigation", label: "Criminal investigation", grouping: "other" },
  { code: "training", label: "Training or test flight", grouping: "other" },
  { code: "unclassified", label: "Not yet classified", grouping: "other" },
] as const satisfies readonly StandardCategory[];
