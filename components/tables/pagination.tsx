// "Page 3 of 120" with previous/next links that keep the filters and sort.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { numberFormat } from "@/lib/format/intl";
import { hrefWith } from "./table-params";
import styles from "./tables.module.css";

export function Pagination(props: {
  path: string;
  params: Record<string, string>;
  page: number;
  pageCount: number;
  label: string;
}) {
  const { path, params, page, pageCount } = props;
  const t = useTranslations("Tables");
  const fmt = numberFormat(useLocale() === "es" ? "es-US" : "en-US");
  const n = (x: number) => fmt.format(x);
  if (page > Math.max(1, pageCount))
    return (
      <nav aria-label={t("pages", { label: props.label })} className={styles.pagination}>
        <Link href={hrefWith(path, params, { page: pageCount > 1 ? pageCount : undefined })} scroll={false}>
          {t("last", { n: n(Math.max(1, pageCount)) })}
        </Link>
      </nav>
    );
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t("pages", { label: props.label })} className={styles.pagination}>
      {page > 1 ? (
        <Link href={hrefWith(path, params, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev" scroll={false}>
          {t("previous")}
          <span className="visually-hidden">{t("pageWord")}</span>
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          {t("previous")}
        </span>
      )}
      <span aria-current="page">{t("pageOf", { page: n(page), count: n(pageCount) })}</span>
      {page < pageCount ? (
        <Link href={hrefWith(path, params, { page: page + 1 })} rel="next" scroll={false}>
          {t("next")}
          <span className="visually-hidden">{t("pageWord")}</span> →
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          {t("next")} →
        </span>
      )}
    </nav>
  );
}
