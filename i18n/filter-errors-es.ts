// The public logs' filter errors in Spanish (the flight log, the camera access log and the
// plate-reader search log). Their schemas (app/(public)/drones/_lib/filters.ts,
// lib/cameras/log-filters.ts, lib/validation/params.ts) speak English, which the staff pages and
// the API keep; a Spanish page passes its errors through here. A sentence this table does not know
// is left in English rather than lost.

const EXACT: Record<string, string> = {
  "Unknown value": "Valor desconocido",
  "Unknown outcome": "Resultado desconocido",
  "Choose yes or no": "Elija sí o no",
  "Choose an operation from the list": "Elija una operación de la lista",
  "Choose a reason from the list": "Elija un motivo de la lista",
  "A user looks like user-7f3a2b": "Un usuario se escribe como user-7f3a2b",
  "The end date is before the start date": "La fecha final es anterior a la inicial",
  "Not a real date": "No es una fecha real",
  "Invalid value": "Valor no válido",
  "Not a valid value": "Valor no válido",
  "must not contain control characters": "no debe contener caracteres de control",
  "must be valid text (broken Unicode)": "debe ser texto válido (Unicode roto)",
};

const PATTERNS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Use a date like (\d{4}-\d{2}-\d{2})$/, (m) => `Escriba una fecha como ${m[1]}`],
  [
    /^(?:That is not|Not) a real date \(between (\S+) and (\S+)\)$/,
    (m) => `No es una fecha real (debe estar entre ${m[1]} y ${m[2]})`,
  ],
  [/^must be at most (\d+) characters$/, (m) => `debe tener como máximo ${m[1]} caracteres`],
];

/** One filter error in Spanish, keeping its closing period if it had one. */
export function filterErrorEs(text: string): string {
  const stop = text.endsWith(".") ? "." : "";
  const body = stop ? text.slice(0, -1) : text;
  const exact = EXACT[body];
  if (exact) return exact + stop;
  for (const [re, say] of PATTERNS) {
    const m = re.exec(body);
    if (m) return say(m) + stop;
  }
  return text;
}

/** Every error of a filter form in the reader's language (English stays as it is). */
export function localizedFilterErrors(errors: Record<string, string>, locale: string): Record<string, string> {
  if (locale === "en") return errors;
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, filterErrorEs(v)]));
}
