// A policy comparison readable without colour: each changed line says "Added" or "Removed" to
// screen readers and carries a visible + or − marker; changed words are <ins>/<del>.
import { withContext, type PolicyDiff } from "@/lib/content/diff";
import styles from "./content.module.css";

export function PolicyDiffView({ diff }: { diff: PolicyDiff }) {
  const rows = withContext(diff.lines, 3);
  return (
    <div className={styles.diff} data-testid="policy-diff">
      {rows.map((r, i) => {
        if (r.kind === "skip") return <div key={i} className={styles.skip}>… {r.count} unchanged line{r.count === 1 ? "" : "s"} …</div>;
        if (r.kind === "same") return <div key={i}><span className={styles.marker} aria-hidden="true"> </span>{r.text || " "}</div>;
        const Tag = r.kind === "added" ? "ins" : "del";
        return (
          <div key={i} className={r.kind === "added" ? styles.added : styles.removed} data-kind={r.kind}>
            <span className={styles.marker} aria-hidden="true">{r.kind === "added" ? "+" : "−"}</span>
            <span className="visually-hidden">{r.kind === "added" ? "Added: " : "Removed: "}</span>
            {r.parts ? r.parts.map((p, j) => (p.kind === "same" ? <span key={j}>{p.text}</span> : <Tag key={j}>{p.text}</Tag>)) : <Tag style={{ textDecoration: r.kind === "removed" ? "line-through" : "none" }}>{r.text || " "}</Tag>}
          </div>
        );
      })}
    </div>
  );
}
