// Cached Intl formatters. Building one costs about 100 µs (more than a thousand formats with it),
// and `toLocaleDateString(locale, options)` builds a new one on every call: a page that formats a
// few hundred dates spent tens of milliseconds doing only that. Formatters are immutable, so each
// (locale, options) pair is built once per process; the keys are the handful of shapes the code uses.
function cachedBy<O, F>(make: (locale: string, options?: O) => F): (locale: string, options?: O) => F {
  const made = new Map<string, F>();
  return (locale, options) => {
    const key = `${locale}|${JSON.stringify(options ?? {})}`;
    let f = made.get(key);
    if (!f) {
      f = make(locale, options);
      made.set(key, f);
    }
    return f;
  };
}

export const dateTimeFormat = cachedBy(
  (locale, options?: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
export const numberFormat = cachedBy(
  (locale, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function isoDateIn(at: Date, timeZone: string): string {
  return dateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
