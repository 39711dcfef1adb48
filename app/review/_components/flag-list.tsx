import { ruleTitle } from "@/lib/anomalies/types";
import styles from "../review.module.css";

export { ruleTitle };

/** Compact flag chips for table rows. */
export function FlagChips({ rules }: { rules: string[] }) {
  if (rules.length === 0) return <span className="muted">none</span>;
  return (
    <>
      {rules.map((r) => (
        <span key={r} className={styles.flag}>
          {ruleTitle(r)}
        </span>
      ))}
    </>
  );
}

/** Each flag with its plain-words explanation, for a record's page. */
export function FlagExplanations({ flags }: { flags: { rule: string; explanation: string }[] }) {
  if (flags.length === 0) return <p className="muted">No anomaly rule fired on this record.</p>;
  return (
    <ul className={styles.flags} aria-label="Why this record is flagged">
      {flags.map((f) => (
        <li key={f.rule}>
          <span className={styles.flag}>{ruleTitle(f.rule)}</span> {f.explanation}
        </li>
      ))}
    </ul>
  );
}
