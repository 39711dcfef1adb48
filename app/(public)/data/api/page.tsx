// /data/api: the OpenAPI document of /api/v1, rendered for people from the document itself.
import type { Metadata } from "next";
import { connection } from "next/server";
import { env } from "@/lib/env";
import { openApiDocument } from "@/lib/opendata/openapi";
import { DEFAULT_LIMIT, MAX_LIMIT } from "@/lib/opendata/params";
import styles from "@/components/opendata/opendata.module.css";

export const metadata: Metadata = { title: "Open data API" };

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

function typeOf(p: Param): string {
  const s = p.schema;
  if (s.enum) return `one of: ${s.enum.join(", ")}`;
  if (s.format === "date") return "date (YYYY-MM-DD)";
  return s.type ?? "text";
}

export default async function ApiDocsPage() {
  await connection();
  const doc = openApiDocument() as unknown as Doc;
  const perMinute = env().DAYLIGHT_API_RATE_LIMIT;
  return (
    <>
      <h1>Open data API</h1>
      <p className="lede">{doc.info.description}</p>
      <p>
        This page is generated from the machine-readable OpenAPI 3.1 document at{" "}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>{" "}
        (version {doc.info.version}), which tools such as code generators can read. The columns of every dataset are
        explained in the <a href="/data">data dictionary</a>.
      </p>
      <h2 id="basics">How it works</h2>
      <ul>
        <li>Read-only: every route answers GET. No key or sign-in. Any website may call it (CORS is open for GET).</li>
        <li>
          Filters use the same names and values as the filters on each page, so you can copy them from the address bar.
          A parameter that is unknown or has a bad value gets HTTP 400 with a message naming it.
        </li>
        <li>
          Pages hold {DEFAULT_LIMIT} rows (up to {MAX_LIMIT} with <code>limit</code>). Follow <code>next_cursor</code>{" "}
          (or the <code>Link: rel=&quot;next&quot;</code> header) until it is null. If the data is republished while you
          page, you get HTTP 409: start again from the first page.
        </li>
        <li>
          Add <code>.csv</code> or <code>.json</code> to a dataset&apos;s address (or <code>format=csv</code>) to
          download every matching row at once; files are streamed, so large ones start at once.
        </li>
        <li>
          Responses carry an <code>ETag</code>; send it back in <code>If-None-Match</code> to get 304 Not Modified when
          nothing changed, and respect <code>Cache-Control</code>.
        </li>
        <li>
          Limit: {perMinute} requests a minute per address. Past it you get HTTP 429 with <code>Retry-After</code>{" "}
          (seconds).
        </li>
        <li>
          Hidden counts (from 1 to 10) are <code>null</code> with <code>&quot;suppressed&quot;: true</code> in JSON and{" "}
          <code>&lt;11</code> in CSV.
        </li>
      </ul>
      <p>
        Example:{" "}
        <code className={styles.endpoint}>
          curl &apos;/api/v1/drone-flights?from=2026-01-01&amp;outcome=cleared_no_patrol&amp;limit=50&apos;
        </code>
      </p>
      <h2 id="routes">Routes</h2>
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
            <p>
              <strong>{op.summary}.</strong> {op.description}
            </p>
            {op.parameters?.length ? (
              <div className="table-wrap">
                <table className={styles.params}>
                  <caption>Query parameters of {path} (all optional)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Parameter</th>
                      <th scope="col">Values</th>
                      <th scope="col">Meaning</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr key={p.name}>
                        <td>{p.name}</td>
                        <td>{typeOf(p)}</td>
                        <td>{p.description}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
            <p className="muted">
              Answers:{" "}
              {Object.entries(op.responses).map(([code, r], i) => (
                <span key={code}>
                  {i ? "; " : ""}
                  {code} {r.description}
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
