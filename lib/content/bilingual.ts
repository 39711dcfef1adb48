// Staff-written content with an optional Spanish version: a Spanish reader gets the Spanish text
// when staff wrote one, else the English text, and the page marks which language it is in.
export type ContentLocale = "en" | "es";

export type BilingualUpdate = {
  title: string;
  summary: string;
  bodyMarkdown: string;
  titleEs: string | null;
  summaryEs: string | null;
  bodyMarkdownEs: string | null;
};

export type LocalizedUpdate = { title: string; summary: string; bodyMarkdown: string; lang: ContentLocale };

/** An update in the reader's language: the Spanish version is taken whole (title and text), never mixed. */
export function localizeUpdate(u: BilingualUpdate, locale: ContentLocale): LocalizedUpdate {
  if (locale === "es" && u.titleEs && u.bodyMarkdownEs)
    return { title: u.titleEs, summary: u.summaryEs ?? "", bodyMarkdown: u.bodyMarkdownEs, lang: "es" };
  return { title: u.title, summary: u.summary, bodyMarkdown: u.bodyMarkdown, lang: "en" };
}

/** A policy version's summary in the reader's language, else the English one; null when there is none. */
export function localizeSummary(
  v: { summary: string | null; summaryEs: string | null },
  locale: ContentLocale,
): { text: string; lang: ContentLocale } | null {
  if (locale === "es" && v.summaryEs) return { text: v.summaryEs, lang: "es" };
  return v.summary ? { text: v.summary, lang: "en" } : null;
}

/** The `lang` attribute for content in `lang` on a page in `page`: only where they differ. */
export function langWhereDifferent(lang: ContentLocale, page: ContentLocale): ContentLocale | undefined {
  return lang === page ? undefined : lang;
}

/** An initiative in the reader's language: the Spanish version is taken whole (name and description). */
export function localizeInitiative(
  i: { name: string; description: string; nameEs: string | null; descriptionEs: string | null },
  locale: ContentLocale,
): { name: string; description: string; lang: ContentLocale } {
  if (locale === "es" && i.nameEs) return { name: i.nameEs, description: i.descriptionEs ?? "", lang: "es" };
  return { name: i.name, description: i.description, lang: "en" };
}

/** A milestone in the reader's language: the Spanish version is taken whole (title and note). */
export function localizeMilestone(
  m: { title: string; note: string | null; titleEs: string | null; noteEs: string | null },
  locale: ContentLocale,
): { title: string; note: string | null; lang: ContentLocale } {
  if (locale === "es" && m.titleEs) return { title: m.titleEs, note: m.noteEs, lang: "es" };
  return { title: m.title, note: m.note, lang: "en" };
}

/** One text of staff content and its Spanish version, named by their form fields. */
export type SpanishPair = { name: string; en: string | null; es: string | null; enField: string; esField: string };

/**
 * Why a Spanish version is half written (the field to fix and what to do), or null when it is whole
 * or absent. Whole: the first text (a title or name) is translated, and every other text is
 * translated exactly when the English has it. Blank counts as absent.
 */
export function halfSpanish(pairs: SpanishPair[]): { field: string; message: string } | null {
  const has = (s: string | null) => s !== null && s.trim() !== "";
  if (!pairs.some((p) => has(p.es))) return null;
  for (const p of pairs) {
    if (has(p.en) && !has(p.es))
      return { field: p.esField, message: `Add the Spanish ${p.name}, or leave the Spanish version empty` };
    if (!has(p.en) && has(p.es))
      return { field: p.enField, message: `Add the English ${p.name} too, or leave the Spanish ${p.name} empty` };
  }
  return null;
}
