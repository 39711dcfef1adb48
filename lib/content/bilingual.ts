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
