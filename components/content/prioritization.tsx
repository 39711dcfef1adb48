"use client";
// Live rollout ranking: moving a weight re-ranks the areas at once, and each factor's share of
// an area's score is shown as a number (and a bar, never the bar alone).
import { useMemo, useState } from "react";
import { rankAreas, type AreaFactors, type Factor } from "@/lib/content/prioritization";
import styles from "./prioritization.module.css";

const fmt = (v: number | null) => (v === null ? "no data" : Number.isInteger(v) ? String(v) : v.toFixed(1));

export function Prioritization({ areas, factors: initial }: { areas: AreaFactors[]; factors: Factor[] }) {
  const [factors, setFactors] = useState(initial);
  const ranked = useMemo(() => rankAreas(areas, factors), [areas, factors]);
  const total = factors.reduce((s, f) => s + f.weight, 0);
  return (
    <div>
      <fieldset className={styles.weights}>
        <legend>Weights</legend>
        {factors.map((f, i) => (
          <div key={f.factor} className={styles.weight}>
            <label htmlFor={`w-${f.factor}`}>{f.label}</label>
            <input id={`w-${f.factor}`} type="range" min={0} max={1} step={0.05} value={f.weight}
              aria-valuetext={`${Math.round(f.weight * 100)} (${total > 0 ? Math.round((f.weight / total) * 100) : 0}% of the score)`}
              onChange={(e) => setFactors(factors.map((g, j) => (j === i ? { ...g, weight: Number(e.target.value) } : g)))} />
            <output htmlFor={`w-${f.factor}`}>{total > 0 ? Math.round((f.weight / total) * 100) : 0}% of the score</output>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setFactors(initial)}>Reset to the staff-set weights</button>
      </fieldset>
      <div className="table-wrap" aria-live="polite">
        <table className="stack">
          <caption>Areas ranked by score (0–100); points each factor contributes</caption>
          <thead>
            <tr>
              <th scope="col" className="num">Rank</th><th scope="col">Area</th><th scope="col" className="num">Score</th>
              {factors.map((f, i) => <th key={f.factor} scope="col" className="num"><span className={`${styles.swatch} ${styles[`seg${i % 4}`]}`} aria-hidden="true" />{f.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {ranked.map((a) => (
              <tr key={a.slug} data-area={a.slug}>
                <td className="num" data-label="Rank">{a.rank}</td>
                <th scope="row" data-label="Area">{a.name}</th>
                <td className="num" data-label="Score"><strong>{a.score.toFixed(1)}</strong>
                  <span className={styles.bar} aria-hidden="true">
                    {a.contributions.map((c, i) => <span key={c.factor} className={styles[`seg${i % 4}`]} style={{ width: `${c.points}%` }} />)}
                  </span>
                </td>
                {a.contributions.map((c) => (
                  <td key={c.factor} className="num" data-label={factors.find((f) => f.factor === c.factor)?.label}>{c.points.toFixed(1)} <span className="muted">({fmt(c.raw)})</span></td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
