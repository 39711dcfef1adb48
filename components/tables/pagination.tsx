// "Page 3 of 120" with previous/next links that keep the filters and sort.
import Link from "next/link";
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
  if (page > Math.max(1, pageCount))
    return (
      <nav aria-label={`${props.label} pages`} className={styles.pagination}>
        <Link href={hrefWith(path, params, { page: pageCount > 1 ? pageCount : undefined })} scroll={false}>
          Go to the last page (page {Math.max(1, pageCount).toLocaleString("en-US")})
        </Link>
      </nav>
    );
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={`${props.label} pages`} className={styles.pagination}>
      {page > 1 ? (
        <Link href={hrefWith(path, params, { page: page - 1 === 1 ? undefined : page - 1 })} rel="prev" scroll={false}>
          ← Previous<span className="visually-hidden"> page</span>
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          ← Previous
        </span>
      )}
      <span aria-current="page">
        Page {page.toLocaleString("en-US")} of {pageCount.toLocaleString("en-US")}
      </span>
      {page < pageCount ? (
        <Link href={hrefWith(path, params, { page: page + 1 })} rel="next" scroll={false}>
          Next<span className="visually-hidden"> page</span> →
        </Link>
      ) : (
        <span aria-hidden="true" className="muted">
          Next →
        </span>
      )}
    </nav>
  );
}
