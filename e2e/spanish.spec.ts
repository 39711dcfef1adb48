// The Spanish version (issue 21.7): chosen by Accept-Language, by the header's language switch
// (a plain link, so it works without JavaScript) and by a shareable ?lang= address; <html lang>,
// hreflang alternates, Spanish validation errors, axe at phone width, and screenshots.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "./staff-helpers";
import { signInAs } from "./review-helpers";

/** The main content's text, leaving out what is marked as written in English. */
async function spanishText(page: Page): Promise<string> {
  return page.locator("main#main").evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[lang="en"]').forEach((e) => e.remove());
    return copy.textContent ?? "";
  });
}

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

/** English phrases of the shared components (legends, filters, downloads, tables, pagination). */
const SHARED_ENGLISH = [
  "Legend",
  "All areas",
  "Download CSV",
  "What the columns mean",
  "Show the numbers",
  "Page 1 of",
];

/**
 * The page in Spanish at the current viewport: <html lang="es">, its h1, no "not fully translated"
 * notice, none of its English phrases outside text marked lang="en", a Spanish phrase, no sideways
 * scroll, and axe clean.
 */
async function expectFullySpanish(page: Page, path: string, h1: string | RegExp, english: string[], spanish: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(h1);
  await expect(page.locator("main#main")).not.toHaveAttribute("lang", "en");
  // (The pages' own notices, such as "Datos al …", stay; the layout's "not fully translated" one goes.)
  await expect(page.getByText("no está traducida por completo")).toHaveCount(0);
  const text = await spanishText(page);
  expect(text, path).toContain(spanish);
  for (const phrase of [...english, ...SHARED_ENGLISH])
    expect(text, `${path} still says "${phrase}"`).not.toContain(phrase);
  await expectNoSidewaysScroll(page);
  await expectNoSeriousA11yIssues(page, ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
}

test.describe("a Spanish-speaking browser", () => {
  test.use({ locale: "es-MX" });

  test("gets the home page in Spanish, with lang, hreflang links and the switch to English", async ({ page }) => {
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("de un vistazo");
    await expect(page.getByRole("heading", { level: 2, name: "Últimos 30 días" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Saltar al contenido" })).toBeAttached();
    await expect(page.getByRole("navigation", { name: "Principal" })).toBeVisible();
    // Dates follow the locale ("Datos al 1 dic 2026").
    await expect(page.locator("#as-of")).toContainText(/Datos al \d{1,2} [a-z]{3}\.? \d{4}/);
    const alternates = await page
      .locator('head link[rel="alternate"][hreflang]')
      .evaluateAll((ls) => ls.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href")!).search]));
    expect(alternates).toEqual(
      expect.arrayContaining([
        ["en", "?lang=en"],
        ["es", "?lang=es"],
        ["x-default", ""],
      ]),
    );
    const sw = page.getByRole("link", { name: /^English/ });
    await expect(sw).toHaveAttribute("lang", "en");
    await expect(sw).toHaveAttribute("hreflang", "en");
  });

  test("the methodology is in Spanish, its numbers read from the rules", async ({ page }) => {
    await page.goto("/data/methodology");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByRole("heading", { level: 1, name: "Metodología y reglas de privacidad" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Los lugares sensibles nunca se ubican" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Reglas de privacidad vigentes" })).toBeVisible();
  });

  test("the Spanish feedback form answers a bad message with Spanish errors", async ({ page }) => {
    await page.goto("/feedback/new");
    await expect(page.getByRole("heading", { level: 1, name: "Enviar un comentario o una queja" })).toBeVisible();
    await page.getByLabel("Su mensaje").fill("corto");
    await page.getByLabel("Su correo electrónico").fill("no-es-un-correo");
    await page.getByRole("button", { name: "Enviar" }).click();
    await expect(page.getByText("Escriba al menos 10 caracteres")).toBeVisible();
    await expect(page.getByText("Escriba un correo electrónico válido, o déjelo vacío")).toBeVisible();
    await expect(page.getByText("Corrija los campos señalados abajo.")).toBeVisible();
    await expect(page.getByText("Please write at least 10 characters")).toHaveCount(0);
  });

  test("the Spanish home and lookup pass axe at 390 px, fit the screen, and are photographed", async ({ page }) => {
    test.setTimeout(180_000);
    for (const [name, path] of [
      ["home", "/"],
      ["lookup", "/drones/nearby"],
    ] as const) {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", "es");
      await expect(page.getByRole("link", { name: /^English/ })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectNoSeriousA11yIssues(page, ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]);
      await page.screenshot({ path: test.info().outputPath(`es-${name}-390.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(path);
      await page.screenshot({ path: test.info().outputPath(`es-${name}-desktop.png`), fullPage: true });
    }
  });

  // Every public page is now fully translated (tests/i18n-pages.test.ts holds each route to it), so
  // no page carries the layout's "not fully translated" notice.
  test("translated pages carry no 'not translated' notice, and keep their hreflang links", async ({ page }) => {
    // A page with its own alternates (the Atom feed) keeps the hreflang links too.
    await page.goto("/updates");
    await expect(page.locator('head link[rel="alternate"][hreflang="es"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(1);
    await page.goto("/policies");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Políticas de uso");
    await expect(page.getByRole("table", { name: "Políticas vigentes" })).toBeVisible();
    await expect(page.locator("main#main > p.notice")).toHaveCount(0);
    // Fully translated pages carry no such notice.
    await page.goto("/drones/nearby");
    await expect(page.locator("main#main")).not.toHaveAttribute("lang", "en");
    await expect(page.locator("main#main > p.notice")).toHaveCount(0);
  });

  test("updates, findings, the council scorecard and open data are fully in Spanish at 390 px", async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 390, height: 844 });
    // Each page's own English wording (as the English page shows it): none of it may remain outside
    // text marked lang="en" (staff-written or technical text, which says its language).
    const pages: [string, string, string[], string][] = [
      [
        "/updates",
        "Novedades del programa",
        ["News from the community safety staff", "Subscribe (Atom feed)", "All programs", "No updates yet"],
        "Noticias del personal",
      ],
      [
        "/findings",
        "Hallazgos de la revisión",
        ["Council staff and auditors review", "No closed findings", "Records covered that are published", "Finding #"],
        "Nunca se publican nombres",
      ],
      [
        "/council",
        "Evaluación del programa piloto para el Concejo Municipal",
        [
          "numbers for the period",
          "Printable version",
          "Council meetings",
          "Review findings, since launch",
          "Costs to date",
          "Complaints from residents",
          "metrics against targets",
          "Before the pilot",
          "Data as of",
          "Vote:",
          "Show period",
        ],
        "Reuniones del Concejo",
      ],
      [
        "/data",
        "Datos abiertos",
        ["Every public table on this site", "Last published", "Data dictionary", "Allowed values", "Rows"],
        "Conjuntos de datos",
      ],
    ];
    for (const [path, h1, english, spanish] of pages) await expectFullySpanish(page, path, h1, english, spanish);
  });

  test("the rollout prioritization and the costs are fully in Spanish at 390 px", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectFullySpanish(
      page,
      "/council/prioritization",
      "Adónde ampliar después: prioridades de despliegue",
      [
        "Chosen so far",
        "The ranking",
        "Rank with equal weights",
        "Rank with these weights",
        "of the score",
        "Share or print",
        "Where the numbers come from",
        "Calls for service per 1,000",
        "Past surveillance",
        "higher ranks earlier",
        "lower ranks earlier",
        "Published drone flights",
        "divided by",
        "Existing public cameras",
        "no vote recorded",
        "not yet",
      ],
      "Vigilancia previa por cada 1,000 habitantes",
    );
    // The ranking's stacked cells are labelled in Spanish, and a bad weight in a shared address is
    // answered in Spanish.
    await expect(page.locator('[data-testid="ranking"] td[data-label="Puntuación"]').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("es-prioritization-390.png"), fullPage: true });
    await page.goto("/council/prioritization?w.population=abc");
    await expect(page.locator('main [role="alert"]')).toContainText(
      "el peso de «Habitantes» debe ser un número entero de 0 a 100",
    );
    await expectFullySpanish(
      page,
      "/costs",
      "Costos e hitos",
      [
        "What each part of the pilot",
        "Budget items",
        "Funding source",
        "Fiscal year",
        "on budget",
        "not yet spent",
        "spent to date",
        "Total (excluding cancelled)",
        "Variance",
        "Initiatives and milestones",
        "Request for proposals",
        "Done ",
        "Due ",
        "Late:",
        "Not scheduled",
        // The demo's initiatives and milestones are published in Spanish too.
        "Docks installed",
        "Vendor selection",
        "Three proposals under evaluation",
        "Ballistic protection",
      ],
      "Partidas del presupuesto",
    );
    // A milestone's Spanish title is shown as Spanish (not marked English).
    const title = page.locator("main li span", { hasText: /^Bases instaladas$/ });
    await expect(title).toBeVisible();
    await expect(title).not.toHaveAttribute("lang", "en");
    await expect(
      page.getByRole("heading", { level: 3, name: "Respuesta a emergencias: drones como primera respuesta" }),
    ).toBeVisible();
    // Money in the locale's words around it, and the budget statuses by key.
    await expect(page.locator("main p.lede")).toContainText(/\$[\d,]+ gastados hasta la fecha de/);
    await expect(page.locator('td[data-label="Estado"]').first()).not.toHaveText(
      /^(planned|approved|purchased|complete|cancelled)$/,
    );
    await page.screenshot({ path: test.info().outputPath("es-costs-390.png"), fullPage: true });
  });

  test("the audit checkpoints, the API guide and the printable scorecard are fully in Spanish", async ({ page }) => {
    test.setTimeout(240_000);
    const pages: [string, string, string[], string][] = [
      [
        "/audit",
        "Puntos de control del registro de auditoría",
        [
          "Every sign-in",
          "checkpoints as JSON",
          "Entries newer than",
          "Published checkpoints",
          "Taken (UTC)",
          "Entries in the log",
          "Fingerprint of the latest entry",
          "before the audit key",
          "(publish)",
        ],
        "Puntos de control publicados",
      ],
      [
        "/data/api",
        "API de datos abiertos",
        [
          "This page is generated",
          "How it works",
          "Read-only",
          "Pages hold",
          "Hidden counts",
          "Example:",
          "Routes",
          "Query parameters of",
          "Parameter",
          "Meaning",
          "one of:",
          "Answers:",
          "One page of matching rows",
        ],
        "Parámetros de consulta de",
      ],
      [
        "/council/print",
        "Evaluación para el Concejo: versión para imprimir",
        [
          "One page per program",
          "Back to the scorecard",
          "Print or save as PDF",
          "Public-safety technology pilot scorecard",
          "Data as of",
          "Pilot to date",
          "metrics against targets",
          "Costs to date",
          "Show period",
        ],
        "Una página por programa",
      ],
    ];
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      for (const [path, h1, english, spanish] of pages) {
        if (width === 390) await expectFullySpanish(page, path, h1, english, spanish);
        else await page.goto(path);
        await page.screenshot({
          path: test.info().outputPath(`es${path.replace(/\W+/g, "-")}-${width}.png`),
          fullPage: true,
        });
      }
    }
    // Numbers and dates in the locale: the checkpoints' day is Spanish ("2 dic 2026, 14:05").
    await page.goto("/audit");
    await expect(page.getByRole("table").locator("tbody th").first()).toContainText(
      /^\d{1,2} [a-z]{3}\.? \d{4},? \d{2}:\d{2} \((publicación|programado|línea de comandos)\)$/,
    );
    // A bad period on the printable scorecard is explained in Spanish.
    await page.goto("/council/print?from=2026-13-01");
    await expect(page.locator('main [role="alert"]')).toContainText("No es una fecha real");
  });

  // The program pages and their records: every English phrase of each page's own wording must be
  // gone outside text marked lang="en" (staff-written text, and data such as call types).
  test("drones, CSOs, well-being and the annual reports are fully in Spanish at 390 px", async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const pages: [string, string | RegExp, string[], string][] = [
      [
        "/drones",
        "Drones como primera respuesta",
        ["Last 30 days", "Flights per week", "Time to scene", "Where drones were sent", "Median time to scene"],
        "Vuelos por semana",
      ],
      [
        "/drones/flights",
        "Registro de vuelos de drones",
        ["Drone flight log", "Every published flight", "Apply filters", "Report a concern", "Showing ", "in the air"],
        "Aplicar filtros",
      ],
      [
        "/cso",
        "Agentes de Seguridad Comunitaria",
        ["Calls per week", "What the calls were about", "How fast", "Outcomes and referrals", "as open data"],
        "Llamadas por semana",
      ],
      [
        "/well-being",
        "Estrategia de Seguridad y Bienestar Comunitario",
        ["What residents said", "Service area", "service areas", "Health and Human Services", "Docks installed"],
        "Lo que dijeron los residentes",
      ],
      ["/reports", "Informes anuales de vigilancia", ["Annual surveillance reports", "staff write"], "Cámaras fijas"],
    ];
    for (const [path, h1, english, spanish] of pages) await expectFullySpanish(page, path, h1, english, spanish);
    // One flight's page and one annual report, found from their lists.
    await page.goto("/drones/flights");
    const flight = await page.locator('main a[href^="/drones/flights/"]').first().getAttribute("href");
    await expectFullySpanish(
      page,
      flight!,
      /^Vuelo de dron /,
      ["Minutes in the air", "Questions about this flight", "Complaints about this flight", "No complaints"],
      "Informar una inquietud sobre este vuelo",
    );
    await page.screenshot({ path: test.info().outputPath("es-flight-390.png"), fullPage: true });
    await page.goto("/reports");
    const report = await page.locator('main a[href^="/reports/"]').first().getAttribute("href");
    await expectFullySpanish(
      page,
      report!,
      /informe anual de vigilancia/,
      ["How the technology was used", "Costs and funding", "Public records requests", "per 1,000 residents", "Print"],
      "Derechos y libertades civiles",
    );
    await page.screenshot({ path: test.info().outputPath("es-annual-report-390.png"), fullPage: true });
  });

  test("cameras, plate readers, their logs and records, and a policy are fully in Spanish at 390 px", async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 390, height: 844 });
    const pages: [string, string | RegExp, string[], string][] = [
      [
        "/cameras",
        "Cámaras y el centro de monitoreo",
        ["At a glance", "Camera inventory", "How the cameras are used", "Who we share", "Crime centers by"],
        "Inventario de cámaras",
      ],
      [
        "/cameras/access-log",
        "Registro de accesos a cámaras",
        ["Camera access log", "Filter the access log", "Report a concern", "Linked to a case", "private camera,"],
        "Filtrar el registro de accesos",
      ],
      [
        "/plate-readers",
        "Lectores de matrículas",
        ["at a glance", "Where the readers are", "Plates read per week", "Search log", "Who we share"],
        "Registro de búsquedas",
      ],
      [
        "/policies/drones",
        "Drone as First Responder Use Policy",
        ["Version history", "Compare version", "Send feedback about this policy", "in effect since"],
        "Historial de versiones",
      ],
      [
        "/policies/drones/diff",
        /^Qué cambió: de la versión/,
        ["What changed", "unchanged section", "Compare version", "Inserted words"],
        "secciones sin cambios",
      ],
    ];
    for (const [path, h1, english, spanish] of pages) {
      await expectFullySpanish(page, path, h1, english, spanish);
      if (path === "/cameras/access-log" || path === "/policies/drones/diff")
        await page.screenshot({
          path: test.info().outputPath(`es${path.replace(/\W+/g, "-")}-390.png`),
          fullPage: true,
        });
    }
    // The demo's policy versions carry a Spanish summary.
    await page.goto("/policies/drones");
    await expect(page.locator("main p.lede")).toContainText("despegue");
    // One access and one search, found from their logs.
    await page.goto("/cameras/access-log");
    const access = await page.locator('main a[href^="/cameras/access-log/"]').first().getAttribute("href");
    await expectFullySpanish(
      page,
      access!,
      /^Acceso a cámara /,
      ["Camera or site", "Complaints and feedback about this access", "Linked to a case"],
      "Informar una inquietud sobre este acceso",
    );
    await page.goto("/plate-readers");
    const search = await page.locator('main a[href^="/plate-readers/searches/"]').first().getAttribute("href");
    await expectFullySpanish(
      page,
      search!,
      /^Búsqueda con lector de matrículas /,
      ["Offense type", "Complaints and feedback about this search", "Linked to a case"],
      "Tipo de delito",
    );
  });

  test("a complaint's page gives its status history, dates and outcome note in Spanish", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    // The demo's first message (whatever its kind); the outcome is staff-written, marked English.
    await expectFullySpanish(
      page,
      "/feedback/1",
      /^(Queja|Comentario) n\.º 1$/,
      ["Status history", "What the resident wrote", "Received", "(current)", "Outcome", "No outcome has been"],
      "Historial de estados",
    );
    const steps = page.getByRole("list", { name: "Historial de estados" }).getByRole("listitem");
    await expect(steps.first()).toContainText(/^Recibido: \d{1,2} /);
    await expect(steps.last()).toContainText("(actual)");
  });

  test("the flight, access and search logs word their filter errors in Spanish", async ({ page }) => {
    for (const path of ["/drones/flights", "/cameras/access-log", "/plate-readers"]) {
      await page.goto(`${path}?from=2026-02-30&to=ayer&linked=quizas`);
      const main = page.locator("main#main");
      await expect(main, path).toContainText("No es una fecha real (debe estar entre");
      await expect(main, path).toContainText("Escriba una fecha como");
      await expect(main, path).toContainText("Elija sí o no");
      await expect(main, path).not.toContainText("Use a date like");
      await expect(main, path).not.toContainText("Choose yes or no");
    }
  });

  test("the demo's updates are published in Spanish too", async ({ page }) => {
    await page.goto("/updates");
    const first = page.getByRole("link", { name: "El programa piloto empieza hoy" });
    await expect(first).toBeVisible();
    await first.click();
    await expect(page.getByRole("heading", { level: 1, name: "El programa piloto empieza hoy" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Lo que empieza hoy" })).toBeVisible();
    await expect(page.locator("main article")).not.toHaveAttribute("lang", "en");
    await expect(page.getByText("solo está disponible en inglés")).toHaveCount(0);
    await expect(page.getByText(/^Publicado el /)).toBeVisible();
  });

  test("a click on the lookup map names the street and area, never coordinates", async ({ page }) => {
    await page.goto("/drones/nearby");
    const map = page.locator("svg[aria-labelledby='nearby-map-title']");
    await map.click();
    const status = page.getByRole("status").filter({ hasText: "Lugar elegido en el mapa" });
    await expect(status).toBeVisible();
    const said = (await status.textContent()) ?? "";
    expect(said).toMatch(/(St|Ave|Blvd|Rd|Dr|Way)\b/);
    expect(said).not.toMatch(/-?\d{1,3}\.\d{2,}/);
    await page.getByRole("button", { name: "Buscar vuelos" }).click();
    const heading = page.locator("#h-results");
    await expect(heading).toBeVisible({ timeout: 60_000 });
    await expect(heading).toContainText("cerca de");
    expect((await heading.textContent()) ?? "").not.toMatch(/-?\d{1,3}\.\d{2,}/);
  });

  test("the lookup form speaks Spanish, its errors too", async ({ page }) => {
    await page.goto("/drones/nearby");
    await expect(page.getByRole("heading", { level: 1, name: "¿Era un dron de la policía?" })).toBeVisible();
    await page.getByLabel("Dirección o cruce de calles").fill("Calle Inexistente 999");
    await page.getByRole("button", { name: "Buscar vuelos" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No conocemos la dirección" })).toBeVisible();
  });
});

test("without JavaScript the switch goes to English and back, and the choice is remembered", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "es-MX" });
  const page = await context.newPage();
  await page.goto("/drones/nearby");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByRole("link", { name: /^English/ }).click();
  await expect(page).toHaveURL(/\/drones\/nearby$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Was that a police drone?" })).toBeVisible();
  // The cookie now outranks the browser's Spanish.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: /^Español/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Últimos 30 días" })).toBeVisible();
  // The switch never sends anyone off the site.
  const res = await page.goto("/language?to=en&next=https%3A%2F%2Fevil.example%2F");
  expect(new URL(page.url()).origin).toBe(new URL(res!.url()).origin);
  await expect(page).toHaveURL(/\/$/);
  await context.close();
});

test("English stays the default, and ?lang=es gives a shareable Spanish address", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Last 30 days" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Español/ })).toHaveAttribute("lang", "es");
  await page.goto("/drones/nearby?lang=es");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1, name: "¿Era un dron de la policía?" })).toBeVisible();
  // Staff areas stay English whatever the reader chose.
  await page.goto("/signin?lang=es");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // A bad language is a plain 400, not a 500.
  const bad = await page.request.get("/language?to=fr");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ code: "bad_request" });
});

test("staff publish an update in both languages; each reader gets theirs", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signInAs(page, "staff", "/staff/updates/new");
  await page.getByLabel("Title").fill(`Dock inspection ${stamp}`);
  await page.getByLabel("Program").selectOption("drones");
  await page.getByLabel("Text (Markdown)").fill("The Civic Center dock is inspected on Tuesday.");
  // Half a Spanish version is refused, next to the missing field.
  await page.getByLabel("Spanish version: headline (optional)").fill(`Inspección de la base ${stamp}`);
  await page.getByLabel("Publish now").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Add the Spanish text, or leave the Spanish version empty")).toBeVisible();
  await page
    .getByLabel("Spanish version: text in Markdown (optional)")
    .fill("La base del Centro Cívico se **inspecciona** el martes.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("Published.");
  const href = await page.getByRole("link", { name: "See it on the public site" }).getAttribute("href");
  expect(href).toMatch(/^\/updates\//);

  const es = await browser.newContext({ locale: "es-MX" });
  const reader = await es.newPage();
  await reader.goto(href!);
  await expect(reader.getByRole("heading", { level: 1, name: `Inspección de la base ${stamp}` })).toBeVisible();
  await expect(reader.locator("main article strong")).toHaveText("inspecciona");
  await reader.goto("/updates");
  await expect(reader.getByRole("link", { name: `Inspección de la base ${stamp}` })).toBeVisible();
  await es.close();
  const en = await browser.newContext({ locale: "en-US" });
  const other = await en.newPage();
  await other.goto(href!);
  await expect(other.getByRole("heading", { level: 1, name: `Dock inspection ${stamp}` })).toBeVisible();
  await en.close();
});

test("staff add a milestone in both languages; half a translation is refused", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  await signInAs(page, "staff", "/staff/costs");
  const initiative = "Proactive security monitoring";
  await page.getByText(`Add a milestone to ${initiative}`).click();
  const form = page.getByRole("form", { name: `New milestone for ${initiative}` });
  await form.getByLabel("Milestone", { exact: true }).fill(`Camera audit ${stamp}`);
  await form.getByLabel(/^Note/).fill("By the city auditor.");
  await form.getByLabel(/^Spanish version: title/).fill(`Auditoría de cámaras ${stamp}`);
  await form.getByRole("button", { name: "Add milestone" }).click();
  // The English note has no Spanish one: refused beside the Spanish note, nothing saved.
  await expect(form.getByText("Add the Spanish note, or leave the Spanish version empty")).toBeVisible();
  await form.getByLabel(/^Spanish version: note/).fill("Por el auditor de la ciudad.");
  await form.getByRole("button", { name: "Add milestone" }).click();
  await expect(form.getByRole("status")).toContainText(`Saved "Camera audit ${stamp}"`);

  const es = await browser.newContext({ locale: "es-MX" });
  const reader = await es.newPage();
  await reader.goto("/costs");
  const title = reader.locator("main li span", { hasText: `Auditoría de cámaras ${stamp}` });
  await expect(title).toBeVisible();
  await expect(title).not.toHaveAttribute("lang", "en");
  await expect(reader.getByText(`Camera audit ${stamp}`)).toHaveCount(0);
  await es.close();
  const en = await browser.newContext({ locale: "en-US" });
  const other = await en.newPage();
  await other.goto("/costs");
  await expect(other.locator("main li span", { hasText: `Camera audit ${stamp}` })).toBeVisible();
  await expect(other.getByText(`Auditoría de cámaras ${stamp}`)).toHaveCount(0);
  await en.close();
});
