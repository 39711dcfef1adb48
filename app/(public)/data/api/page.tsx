// /data/api: the OpenAPI document of /api/v1, rendered for people from the document itself.
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { intlLocale } from "@/i18n/locale";
import { Tr, pageTitle } from "@/i18n/tr";
import { numberFormat } from "@/lib/format/intl";
import { env } from "@/lib/env";
import { openApiDocument } from "@/lib/opendata/openapi";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/opendata/params";
import styles from "@/components/opendata/opendata.module.css";

export const generateMetadata = pageTitle("api.title");

type T = Awaited<ReturnType<typeof getTranslations<"ApiDocs">>>;

type Param = {
  name: string;
  description?: string;
  schema: { type?: string; enum?: string[]; format?: string; maximum?: number };
};
type Op = {
  summary: string;
  description?: string;
  parameters?: Param[];
  responses: Record<string, { description: string }>;
};
type Doc = { info: { title: string; version: string; description: string }; paths: Record<string, { get: Op }> };

/** A parameter's values in the reader's words; enum values and unknown types are the API's own (English). */
function TypeOf({ p, t, en }: { p: Param; t: T; en: "en" | undefined }) {
  const s = p.schema;
  if (s.enum)
    return (
      <>
        {t("oneOf")}
        <span lang={en}>{s.enum.join(", ")}</span>
      </>
    );
  if (s.format === "date") return <>{t("date")}</>;
  const type = s.type ?? "text";
  return t.has(`types.${type}`) ? <>{t(`types.${type}` as "types.text")}</> : <span lang={en}>{type}</span>;
}

export default async function ApiDocsPage() {
  await connection();
  const [t, locale] = await Promise.all([getTranslations("ApiDocs"), getLocale()]);
  const doc = openApiDocument() as unknown as Doc;
  const perMinute = env().DAYLIGHT_API_RATE_LIMIT;
  // The OpenAPI document (descriptions, summaries, answers) is written in English, for tools.
  const en = locale === "en" ? undefined : "en";
  const num = numberFormat(intlLocale(locale === "es" ? "es" : "en"));
  const code = (chunks: React.ReactNode) => <code>{chunks}</code>;
  return (
    <>
      <h1>
        <Tr k="api.h1" />
      </h1>
      <p className="lede" lang={en}>
        {doc.info.description}
      </p>
      <p>
        {t.rich("generated", {
          version: doc.info.version,
          link: () => (
            <a href="/api/v1/openapi.json">
              <code>/api/v1/openapi.json</code>
            </a>
          ),
          dict: (chunks) => <a href="/data">{chunks}</a>,
        })}
      </p>
      <h2 id="basics">{t("basics")}</h2>
      <ul>
        <li>{t("readOnly")}</li>
        <li>{t("filters")}</li>
        <li>{t.rich("paging", { size: num.format(DEFAULT_LIMIT), max: num.format(MAX_LIMIT), code })}</li>
        <li>{t.rich("download", { code })}</li>
        <li>{t.rich("etag", { code })}</li>
        <li>{t.rich("limit", { n: num.format(perMinute), code })}</li>
        <li>{t.rich("hidden", { lt11: "<11", code })}</li>
      </ul>
      <p>
        {t("example")}
        <code className={styles.endpoint}>
          curl &apos;/api/v1/drone-flights?from=2026-01-01&amp;outcome=cleared_no_patrol&amp;limit=50&apos;
        </code>
      </p>
      <h2 id="routes">{t("routes")}</h2>
      {Object.entries(doc.paths).map(([path, item]) => {
        const op = item.get;
        const id = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
        return (
          <section key={path} aria-labelledby={id}>
            <h3 id={id}>
              GET{" "}
              <a href={path}>
                <code>{path}</code>
              </a>
            </h3>
            <p lang={en}>
              <strong>{op.summary}.</strong> {op.description}
            </p>
            {op.parameters?.length ? (
              <div className="table-wrap">
                <table className={`${styles.params} stack`}>
                  <caption>{t("paramsCaption", { path })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("parameter")}</th>
                      <th scope="col">{t("values")}</th>
                      <th scope="col">{t("meaning")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={p.name}>
                        <td data-label={t("parameter")}>{p.name}</td>
                        <td data-label={t("values")}>
                          <TypeOf p={p} t={t} en={en} />
                        </td>
                        <td data-label={t("meaning")}>
                          <span lang={en}>{p.description}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p className="muted">
              {t("answers")}
              {Object.entries(op.responses).map(([code, r], i) => (
                <span key={code}>
                  {i ? "; " : ""}
                  {code} <span lang={en}>{r.description}</span>
                </span>
              ))}
              .
            </p>
          </section>
        );
      })}
    </>
  );
}
