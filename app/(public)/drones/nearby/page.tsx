// "Was that a police drone?": a place (map point or area) and a time window in, the published
// flights that passed nearby out. Uses only published paths, cells and rounded times.
import Link from "next/link";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { intlLocale, type Locale } from "@/i18n/locale";
import { z } from "zod";
import { areasFromFeatures } from "@/components/maps/types";
import { flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { findFlightsNear } from "@/db/queries/public/drones";
import { city } from "@/lib/config/city";
import type { Place } from "@/lib/drones/nearby";
import { lookupAddress } from "@/lib/geo/address-lookup";
import { describeSpot } from "@/lib/geo/nearest-street";
import { fromZoned, localDate } from "@/lib/time";
import { formatPublishedTime } from "../_lib/format";
import { PlacePicker } from "./place-picker";
import { spotText } from "./spot-text";

export async function generateMetadata() {
  const t = await getTranslations("Lookup");
  return { title: t("title") };
}
const RADIUS_M = 500;

const query = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  area: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  address: z.string().trim().max(120, "Keep the address under 120 characters").optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01"),
  hour: z.coerce.number().int().min(0).max(23).default(0),
  hours: z.coerce.number().int().min(1).max(24).default(24),
  page: z.coerce
    .number("Use a page number such as 2")
    .int("Use a whole page number")
    .min(1, "Pages start at 1")
    .max(100_000, "That page is past the last one")
    .default(1),
});
const PAGE_SIZE = 50;

export default async function NearbyPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const [t, locale, d] = await Promise.all([
    getTranslations("Lookup"),
    getLocale() as Promise<Locale>,
    getTranslations("Drones"),
  ]);
  const outcomeText = (o: string | null) =>
    o === null ? d("outcomeSensitive") : d.has(`outcome.${o}`) ? d(`outcome.${o}`) : o;
  const tag = intlLocale(locale);
  const c = city();
  const params = flattenParams(await searchParams);
  const areas = areasFromFeatures(c.areas);
  const points = c.docks.map((d) => ({
    id: d.slug,
    label: `${d.name} (${d.site})`,
    lat: d.lat,
    lon: d.lon,
    kind: "dock" as const,
  }));
  const asked = Object.keys(params).length > 0;
  const parsed = query.safeParse(params);
  let error: string | null = null;
  let place: Place | null = null;
  // A typed address or intersection, resolved from the city's address points: the page echoes the
  // place's name, never its coordinates, and searches exactly as a map point would.
  let addressName: string | null = null;
  let spotName: string | null = null;
  let suggestions: string[] = [];
  if (asked && parsed.success) {
    const q = parsed.data;
    const area = q.area ? c.areas.find((a) => a.properties.slug === q.area) : undefined;
    const typed = q.address ? lookupAddress(q.address, c.addressPoints) : null;
    if (typed?.found) {
      addressName = typed.found.name;
      place = { kind: "point", lat: typed.found.lat, lon: typed.found.lon, radiusM: RADIUS_M };
    } else if (typed) {
      suggestions = typed.suggestions;
      error = suggestions.length
        ? t("ambiguous", { address: q.address ?? "" })
        : t("unknown", { address: q.address ?? "", example: c.addressPoints[0]?.name ?? "Main St & 3rd St" });
    } else if (q.lat !== undefined && q.lon !== undefined) {
      place = { kind: "point", lat: q.lat, lon: q.lon, radiusM: RADIUS_M };
      // A map click is named by its nearest street or corner and area, never by its coordinates.
      spotName = spotText(describeSpot(q.lat, q.lon, c.streets, areas), (k, v) => t(k, v));
    } else if (area) place = { kind: "area", slug: area.properties.slug, geometry: area.geometry };
    else error = t("choosePlace");
  } else if (asked && !parsed.success)
    error =
      locale === "en"
        ? parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")
        : t("badQuery", {
            problems: [
              ...new Set(
                parsed.error.issues.map((i) => {
                  const field = i.path.join(".") || "query";
                  if (field === "date") return t("fieldDate");
                  if (field === "page") return t("fieldPage");
                  if (field === "address") return t("fieldAddress");
                  return t("fieldOther", { field });
                }),
              ),
            ].join(" "),
          });
  const q = parsed.success ? parsed.data : null;
  const placeName = addressName ?? spotName;
  const start = q
    ? fromZoned(
        { year: +q.date.slice(0, 4), month: +q.date.slice(5, 7), day: +q.date.slice(8, 10), hour: q.hour },
        c.timeZone,
      )
    : null;
  const end = start && q ? new Date(start.getTime() + q.hours * 3600_000) : null;
  const results = place && start && end ? await findFlightsNear({ place, start, end }) : null;
  const pageCount = results ? Math.max(1, Math.ceil(results.length / PAGE_SIZE)) : 1;
  const page = Math.min(q?.page ?? 1, pageCount);
  const shown = results ? results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE) : [];
  const today = localDate(new Date(), c.timeZone);
  return (
    <>
      <p>
        <Link href="/drones">{t("back")}</Link>
      </p>
      <h1>{t("heading")}</h1>
      <p className="lede">{t("lede", { radius: RADIUS_M })}</p>
      <form method="get" action="/drones/nearby">
        {c.addressPoints.length > 0 ? (
          <fieldset>
            <legend>{t("whereLegend")}</legend>
            <label htmlFor="nearby-address">{t("addressLabel")}</label>{" "}
            <input
              id="nearby-address"
              name="address"
              type="text"
              list="nearby-address-list"
              autoComplete="off"
              maxLength={120}
              defaultValue={addressName ?? params.address ?? ""}
              aria-describedby="nearby-address-hint"
              aria-invalid={params.address && !addressName ? true : undefined}
            />
            <datalist id="nearby-address-list">
              {c.addressPoints.map((p) => (
                <option key={p.name} value={p.name} />
              ))}
            </datalist>
            <p id="nearby-address-hint" className="muted">
              {t("addressHint")}
            </p>
            {suggestions.length > 0 ? (
              <ul aria-label={t("didYouMean")}>
                {suggestions.map((sug) => (
                  <li key={sug}>
                    <Link
                      href={`/drones/nearby?${new URLSearchParams({ ...params, address: sug, page: "1" }).toString()}`}
                    >
                      {sug}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        ) : null}
        <PlacePicker areas={areas} points={points} streets={c.streets} lat={q?.lat} lon={q?.lon} area={q?.area} />
        <fieldset>
          <legend>{t("when")}</legend>
          <label htmlFor="nearby-date">{t("date")}</label>{" "}
          <input id="nearby-date" name="date" type="date" defaultValue={params.date ?? today} max={today} required />{" "}
          <label htmlFor="nearby-hour">{t("from")}</label>{" "}
          <select id="nearby-hour" name="hour" defaultValue={params.hour ?? "0"}>
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, "0")}:00`}</option>
            ))}
          </select>{" "}
          <label htmlFor="nearby-hours">{t("for")}</label>{" "}
          <select id="nearby-hours" name="hours" defaultValue={params.hours ?? "24"}>
            {[1, 2, 3, 6, 12, 24].map((h) => (
              <option key={h} value={h}>
                {t("hours", { count: h })}
              </option>
            ))}
          </select>{" "}
          <button type="submit">{t("find")}</button>
        </fieldset>
      </form>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {results ? (
        <section aria-labelledby="h-results">
          <h2 id="h-results">
            {results.length === 0
              ? t("none", { where: placeName ? t("near", { place: placeName }) : t("noneThere") })
              : t("found", {
                  count: results.length,
                  n: locale === "en" ? String(results.length) : results.length.toLocaleString(tag),
                  where: placeName ? t("near", { place: placeName }) : t("nearby"),
                })}
          </h2>
          <p className="muted">{t("delay")}</p>
          {results.length > PAGE_SIZE ? (
            <p role="status">
              {t("showing", {
                from: ((page - 1) * PAGE_SIZE + 1).toLocaleString(tag),
                to: Math.min(page * PAGE_SIZE, results.length).toLocaleString(tag),
                total: results.length.toLocaleString(tag),
              })}
            </p>
          ) : null}
          {results.length > 0 ? (
            <div className="table-wrap">
              <table>
                <caption>{t("caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("launched")}</th>
                    <th scope="col">{t("callType")}</th>
                    <th scope="col">{t("how")}</th>
                    <th scope="col">{t("outcome")}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((f) => (
                    <tr key={f.publicId}>
                      <th scope="row">
                        <Link href={`/drones/flights/${f.publicId}`}>
                          {formatPublishedTime(f.startedAt, f.timePrecision, c.timeZone, locale)}
                        </Link>
                      </th>
                      <td>{f.categoryLabel}</td>
                      <td>
                        {f.match.how === "path"
                          ? f.match.distanceM !== null
                            ? t("pathWithin", { m: f.match.distanceM })
                            : t("pathCrossed")
                          : t("sceneNearby")}
                      </td>
                      <td>{outcomeText(f.outcome)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Pagination path="/drones/nearby" params={params} page={page} pageCount={pageCount} label={t("pages")} />
        </section>
      ) : null}
    </>
  );
}
