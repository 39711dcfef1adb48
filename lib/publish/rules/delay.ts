// Each dataset is published only some hours after its events end (rules.delayHours).

/** Events that ended at or before this instant may be published. */
export function publicationCutoff(asOf: Date, delayHours: number): Date {
  return new Date(asOf.getTime() - delayHours * 3600_000);
}
