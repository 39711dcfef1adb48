// "Download CSV" / "Download JSON" for exactly the rows the page's current filters select:
// the page's own filter parameters are carried over (paging and sorting are not).
import { useTranslations } from "next-intl";
import { getDataset } from "@/lib/opendata/registry";
import styles from "./opendata.module.css";

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

/** The dataset's filter parameters present in `params`, in a stable order. */
export function filterQuery(dataset: string, params?: Params): string {
  const def = getDataset(dataset);
  if (!def || !params) return "";
  const get = (k: string) => (params instanceof URLSearchParams ? (params.get(k) ?? undefined) : params[k]);
  const out = new URLSearchParams();
  // Only values the filter accepts: the pages ignore a bad value (and show an error), so the
  // download must ignore it too rather than fail with a 400.
  for (const [key, field] of Object.entries(def.filters.shape)) {
    const v = get(key);
    const one = Array.isArray(v) ? v[0] : v;
    if (one && field.safeParse(one).success) out.set(key, one);
  }
  const from = out.get("from");
  const to = out.get("to");
  if (from && to && to < from) out.delete("to");
  const s = out.toString();
  return s ? `?${s}` : "";
}

export function downloadHrefs(dataset: string, params?: Params) {
  const q = filterQuery(dataset, params);
  return { csv: `/api/v1/${dataset}.csv${q}`, json: `/api/v1/${dataset}.json${q}`, api: `/api/v1/${dataset}${q}` };
}

export function DownloadLinks({
  dataset,
  searchParams,
  label,
}: {
  dataset: string;
  searchParams?: Params;
  label?: string;
}) {
  const def = getDataset(dataset);
  const t = useTranslations("OpenData");
  if (!def) throw new Error(`DownloadLinks: unknown dataset "${dataset}"`);
  const h = downloadHrefs(dataset, searchParams);
  const filtered = h.csv.includes("?");
  const what = label ?? def.title.toLowerCase();
  return (
    <nav className={styles.downloads} aria-label={t("downloadLabel", { what })}>
      <span className={styles.downloadsLead}>{filtered ? t("downloadFiltered") : t("downloadAll", { what })}</span>
      <a className={styles.downloadLink} href={h.csv} download>
        {t("downloadCsv")}
      </a>
      <a className={styles.downloadLink} href={h.json} download>
        {t("downloadJson")}
      </a>
      <a href={h.api}>API</a>
      <a href={`/data#${dataset}`}>{t("columnsMean")}</a>
    </nav>
  );
}
