// One headline number with its label, an optional note (what it counts, the period) and a link
// to where the number comes from. Renders inside a `.cards` list as an <li>.
import Link from "next/link";
import { useTranslations } from "next-intl";
import styles from "./ui.module.css";

export type MetricCardProps = {
  label: string;
  /** Preformatted value (use formatCount/formatShare so suppressed values read "fewer than 11"). */
  value: string;
  note?: string;
  href?: string;
  linkText?: string;
  /** Render as a <div> instead of an <li> when not inside a `.cards` list. */
  as?: "li" | "div";
};

export function MetricCard({ label, value, note, href, linkText, as = "li" }: MetricCardProps) {
  const Tag = as;
  const t = useTranslations("Tables");
  return (
    <Tag className={`card ${styles.metricCard}`}>
      <h3>{label}</h3>
      <p className="metric">{value}</p>
      {note ? <p className={`muted ${styles.note}`}>{note}</p> : null}
      {href ? (
        <p className={styles.note}>
          <Link href={href}>{linkText ?? t("moreAbout", { label: label.toLowerCase() })}</Link>
        </p>
      ) : null}
    </Tag>
  );
}
