import type { Metadata } from "next";
import { connection } from "next/server";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/locale";
import { messages as allMessages } from "@/i18n/request";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Meta");
  return {
    title: { default: t("title"), template: "%s · Daylight" },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so Next can put this request's CSP nonce (set in proxy.ts)
  // on its scripts; a prerendered page would carry none and its scripts would be blocked.
  await connection();
  // The language of the request (i18n/request.ts): `?lang=`, the switch's cookie, Accept-Language.
  const locale = await getLocale();
  const messages = allMessages[isLocale(locale) ? locale : "en"];
  // Client components only need these namespaces; the rest stays on the server.
  const clientMessages = {
    Forms: messages.Forms,
    Feedback: messages.Feedback,
    Lookup: messages.Lookup,
    Maps: messages.Maps,
  };
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
