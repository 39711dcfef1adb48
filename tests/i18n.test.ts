// The Spanish version's pure parts: which language a request gets (query > cookie >
// Accept-Language > English; staff areas always English), where the language switch may send the
// reader back to (same-origin paths only), the messages' key parity, and locale-aware numbers.
import { describe, expect, it } from "vitest";
import { localizedPath, negotiateLocale, resolveLocale } from "@/i18n/locale";
import { languageTarget, switchHref } from "@/i18n/switch";
import { formatCount, formatDate, formatMoney, formatShare, formatMinutes } from "@/lib/format/numbers";
import { feedbackStateEs, feedbackTextEs } from "@/i18n/feedback-es";
import { filterErrorEs, localizedFilterErrors } from "@/i18n/filter-errors-es";
import { accessLogFilters, parseFilters, searchLogFilters } from "@/lib/cameras/log-filters";
import { parseFlightFilters } from "@/app/(public)/drones/_lib/filters";
import { parseForm } from "@/lib/content/action-state";
import { feedbackFormSchema } from "@/lib/content/feedback";
import en from "@/messages/en.json";
import es from "@/messages/es.json";

describe("resolveLocale", () => {
  it("takes the query first, then the cookie, then Accept-Language, then English", () => {
    const al = "es-MX,es;q=0.9,en;q=0.5";
    expect(resolveLocale({ path: "/drones?lang=en", cookie: "es", acceptLanguage: al })).toBe("en");
    expect(resolveLocale({ path: "/drones?lang=es", cookie: "en", acceptLanguage: "en" })).toBe("es");
    expect(resolveLocale({ path: "/drones", cookie: "en", acceptLanguage: al })).toBe("en");
    expect(resolveLocale({ path: "/drones", cookie: "es", acceptLanguage: "en-US" })).toBe("es");
    expect(resolveLocale({ path: "/drones", cookie: null, acceptLanguage: al })).toBe("es");
    expect(resolveLocale({ path: "/drones", cookie: null, acceptLanguage: "fr-FR,de" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });

  it("ignores unknown values instead of failing", () => {
    expect(resolveLocale({ path: "/?lang=fr", cookie: "xx", acceptLanguage: "es" })).toBe("es");
    expect(resolveLocale({ path: "/?lang=", cookie: "", acceptLanguage: "not a header;;q=x" })).toBe("en");
    expect(resolveLocale({ path: "/?lang=ES", acceptLanguage: null })).toBe("en");
  });

  it("keeps staff areas and sign-in in English whatever the reader chose", () => {
    for (const path of ["/review", "/review/findings", "/admin/users", "/staff?lang=es", "/signin"])
      expect(resolveLocale({ path, cookie: "es", acceptLanguage: "es" })).toBe("en");
    expect(resolveLocale({ path: "/reviews-of-x", cookie: "es" })).toBe("es");
  });
});

describe("negotiateLocale", () => {
  it("weighs q-values and regional tags", () => {
    expect(negotiateLocale("en;q=0.4,es-419;q=0.8")).toBe("es");
    expect(negotiateLocale("es;q=0.4,en-GB;q=0.8")).toBe("en");
    expect(negotiateLocale("es-US")).toBe("es");
    expect(negotiateLocale("pt-BR")).toBeNull();
    expect(negotiateLocale("*")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
  });
});

describe("the language switch", () => {
  it("links to the route handler with the current page as a same-origin path", () => {
    expect(switchHref("es", "/drones/flights?page=2&lang=en")).toBe(
      "/language?to=es&next=%2Fdrones%2Fflights%3Fpage%3D2",
    );
    expect(switchHref("en", "")).toBe("/language?to=en&next=%2F");
  });

  it("sends the reader back to a same-origin path only, without a stale ?lang", () => {
    expect(languageTarget("/drones/nearby?area=a&lang=es")).toBe("/drones/nearby?area=a");
    expect(languageTarget("/")).toBe("/");
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "/%2F%2Fevil.example",
      "/a/../../b",
      "",
      null,
      undefined,
    ])
      expect(languageTarget(bad)).toBe("/");
  });

  it("builds the hreflang addresses of a page", () => {
    expect(localizedPath("/cameras?x=1", "es")).toBe("/cameras?x=1&lang=es");
    expect(localizedPath("/cameras?lang=es", "en")).toBe("/cameras?lang=en");
    expect(localizedPath("/cameras?lang=es", null)).toBe("/cameras");
  });
});

describe("messages", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );
  it("Spanish has every English key and no other", () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });
  it("keeps every placeholder in the translation", () => {
    const flat = (o: object): Record<string, string> =>
      Object.fromEntries(keys(o).map((k) => [k, k.split(".").reduce<any>((a, p) => a[p], o)])); // eslint-disable-line @typescript-eslint/no-explicit-any
    const e = flat(en);
    const s = flat(es);
    // Argument names (lower case; select/plural branches hold capitalized words), each once.
    const vars = (t: string) => [...new Set([...t.matchAll(/\{([a-z]\w*)[,}]/g)].map((m) => m[1]))].sort();
    for (const k of Object.keys(e)) expect(vars(s[k]), k).toEqual(vars(e[k]));
  });
});

describe("numbers and dates follow the locale", () => {
  it("English is unchanged by default", () => {
    expect(formatCount(1234)).toBe("1,234");
    expect(formatCount(null)).toMatch(/^fewer than \d+$/);
    expect(formatShare(0.045)).toBe("4.5%");
    expect(formatMinutes(3.25)).toBe("3.3 min");
    expect(formatMoney(1310050)).toBe("$13,100.50");
    expect(formatDate("2026-03-01")).toBe("March 1, 2026");
  });
  it("Spanish uses US Spanish conventions", () => {
    expect(formatCount(1234, "es")).toBe("1,234");
    expect(formatCount(null, "es")).toMatch(/^menos de \d+$/);
    expect(formatShare(0.045, "no publicado", "es")).toBe("4.5%");
    expect(formatMoney(6200000, "es")).toBe("$62,000");
    expect(formatDate("2026-03-01", "es")).toBe("1 de marzo de 2026");
  });
});

describe("the Spanish feedback form's answers", () => {
  it("translates every validation error the form's schema gives", () => {
    const fd = new FormData();
    fd.set("kind", "x");
    fd.set("program", "nope");
    fd.set("body", "short");
    fd.set("contactName", "n".repeat(121));
    fd.set("contactEmail", "not-an-email");
    const parsed = parseForm(feedbackFormSchema, fd);
    if (!("state" in parsed)) throw new Error("the bad form was accepted");
    const es = feedbackStateEs(parsed.state);
    expect(es.message).toBe("Corrija los campos señalados abajo.");
    const all = Object.values(es.errors ?? {}).flat();
    expect(all).toHaveLength(5);
    for (const e of all) expect(e).not.toMatch(/[Cc]hoose|Please|Keep|Enter/);
    expect(es.errors?.body).toEqual(["Escriba al menos 10 caracteres"]);
    expect(es.errors?.contactName).toEqual(["Use menos de 120 caracteres"]);
  });

  it("translates the answers that carry numbers, and leaves unknown sentences as they are", () => {
    expect(
      feedbackTextEs(
        "Thank you. Your complaint has been received (reference #42). Staff review every message; follow its status and outcome at /feedback/42.",
      ),
    ).toBe(
      "Gracias. Recibimos su queja (referencia n.º 42). El personal revisa cada mensaje; puede seguir su estado y resultado en /feedback/42.",
    );
    expect(feedbackTextEs("Too many messages from your connection. Please try again in 1 minute.")).toMatch(
      /en 1 minuto\.$/,
    );
    expect(feedbackTextEs("Something new.")).toBe("Something new.");
  });
});

describe("the public logs' filter errors in Spanish", () => {
  const english = /\b(Use|Choose|Unknown|Invalid|real date|looks like|before the start|must)\b/;

  it("words every error the flight, access and search logs' filters give", () => {
    const bad = {
      from: "2026-02-30",
      to: "yesterday",
      user: "bob",
      linked: "maybe",
      offense: "\u0001",
      agency: "x".repeat(121),
    };
    const flights = parseFlightFilters({ ...bad, category: "Bad Value!", area: "?", outcome: "won" });
    const access = parseFilters(accessLogFilters, { ...bad, operation: "delete", reason: "curiosity" });
    const search = parseFilters(searchLogFilters, { ...bad, reason: "curiosity" });
    for (const { errors } of [flights, access, search]) {
      const es = localizedFilterErrors(errors, "es");
      expect(Object.keys(es)).toEqual(Object.keys(errors));
      for (const [field, text] of Object.entries(es)) expect(text, `${field}: ${text}`).not.toMatch(english);
      // English pages keep the schemas' own words.
      expect(localizedFilterErrors(errors, "en")).toEqual(errors);
    }
    expect(localizedFilterErrors(flights.errors, "es").to).toBe("Escriba una fecha como 2026-03-01");
    expect(localizedFilterErrors(access.errors, "es")).toMatchObject({
      from: "No es una fecha real (debe estar entre 1970-01-01 y 2099-12-31).",
      to: "Escriba una fecha como 2026-03-31.",
      user: "Un usuario se escribe como user-7f3a2b.",
      linked: "Elija sí o no.",
      operation: "Elija una operación de la lista.",
    });
  });

  it("says an end before the start in Spanish, and leaves an unknown sentence as it is", () => {
    const { errors } = parseFilters(accessLogFilters, { from: "2026-03-02", to: "2026-03-01" });
    expect(localizedFilterErrors(errors, "es")).toEqual({ to: "La fecha final es anterior a la inicial." });
    expect(filterErrorEs("Something new.")).toBe("Something new.");
  });
});
