// The language switch: a plain link (`/language?to=es&next=/drones`), so it works without
// JavaScript. It remembers the choice in the `lang` cookie and sends the reader back to the page
// they were on: a same-origin path only (the sign-in's safe-redirect rule), else the home page.
import { NextResponse } from "next/server";
import { AppError, errorBody } from "@/lib/errors";
import { LOCALE_COOKIE, isLocale } from "@/i18n/locale";
import { languageTarget } from "@/i18n/switch";

const ONE_YEAR = 60 * 60 * 24 * 365;

export function GET(req: Request): Response {
  const url = new URL(req.url);
  const to = url.searchParams.get("to");
  if (!isLocale(to))
    return Response.json(errorBody(new AppError("bad_request", "Choose a language: to=en or to=es.")), {
      status: 400,
    });
  const res = new NextResponse(null, {
    status: 303,
    headers: { Location: languageTarget(url.searchParams.get("next")), "Cache-Control": "no-store" },
  });
  res.cookies.set(LOCALE_COOKIE, to, {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "lax",
    httpOnly: true,
    secure: url.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https",
  });
  return res;
}
