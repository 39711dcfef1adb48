// A label the publisher wrote in English (a call type, an outcome, a week's group), shown in the
// page's language when the messages translate it, else as published and marked English on a page
// in another language, so screen readers pronounce it right (charts' tables, legends, count tables).

export type DataLabel = { label: string; lang?: "en" };

/** `translation`: the messages' text for this label's key, or null when they have none. */
export function dataLabel(translation: string | null, english: string, locale: string): DataLabel {
  if (translation !== null) return { label: translation };
  return locale === "en" ? { label: english } : { label: english, lang: "en" };
}

/** The label as text, in a span saying its language when it is not the page's. */
export function DataLabelText({ label, lang }: DataLabel) {
  return lang ? <span lang={lang}>{label}</span> : <>{label}</>;
}
