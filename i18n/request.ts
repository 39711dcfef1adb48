// next-intl's per-request configuration, without i18n routing: the locale comes from the request
// (see ./locale.ts); proxy.ts forwards the path with its query as `x-daylight-path`, since a
// layout cannot read the query string itself.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale, type Locale } from "./locale";
import en from "../messages/en.json";
import es from "../messages/es.json";

export const messages: Record<Locale, typeof en> = { en, es };

export async function requestLocale(): Promise<Locale> {
  const [h, c] = await Promise.all([headers(), cookies()]);
  return resolveLocale({
    path: h.get("x-daylight-path"),
    cookie: c.get(LOCALE_COOKIE)?.value,
    acceptLanguage: h.get("accept-language"),
  });
}

export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit === "en" || explicit === "es" ? explicit : await requestLocale();
  return { locale, messages: messages[locale] };
});
