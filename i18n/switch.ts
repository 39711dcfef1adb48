// Where the language switch sends the reader back to: a same-origin path only (the sign-in's
// safe-redirect rule), else the home page. The page is then shown in the chosen language through
// the cookie, so a `?lang=` left in the address (from a shared link) is dropped rather than
// allowed to contradict the choice.
import { safeNext } from "../app/signin/safe-next";
import { localizedPath, type Locale } from "./locale";

export function languageTarget(next: string | null | undefined): string {
  const safe = safeNext(next);
  return safe ? localizedPath(safe, null) : "/";
}

/** The switch link for a page: `/language?to=es&next=/drones`. */
export function switchHref(to: Locale, currentPath: string): string {
  const next = localizedPath(currentPath || "/", null);
  return `/language?${new URLSearchParams({ to, next }).toString()}`;
}
