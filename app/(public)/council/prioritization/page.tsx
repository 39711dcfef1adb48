import Link from "next/link";
import { connection } from "next/server";
import { listRolloutDecisions, prioritizationData } from "@/db/queries/public/prioritization";
import { city } from "@/lib/config/city";
import { formatInstant } from "@/lib/time";
import {
  compareWithEqualWeights,
  parseWeights,
  rankAreas,
  weightsQuery,
  type Factor,
} from "@/lib/content/prioritization";
import { formatCount, formatDate } from "@/lib/format/numbers";
import styles from "@/components/content/prioritization.module.css";

export const metadata = { title: "Rollout prioritization" };

type Search = Promise<Record<string, string | string[] | undefined>>;

const fmt = (v: number | null) => (v === null ? "no figure" : Number.isInteger(v) ? formatCount(v) : v.toFixed(1));
const NETWORK_LABELS: Record<string, string> = {
  police: "Police",
  street_lighting: "Street lighting",
  transportation: "Transportation",
  general_services: "General services",
  private_business: "Private businesses",
  other: "Other",
};

export default async function PrioritizationPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const c = city();
  const area = c.areaKind === "division" ? "division" : "area";
  const [{ factors: catalog, areas, camerasByNetwork, asOf }, decisions] = await Promise.all([
    prioritizationData(),
    listRolloutDecisions(),
  ]);
  const start = Object.fromEntries(catalog.map((f) => [f.factor, f.weight]));
  const { weights, errors, fromAddress } = parseWeights(await searchParams, start);
  const factors: Factor[] = catalog.map((f) => ({ ...f, weight: weights[f.factor] }));
  const ranked = rankAreas(areas, factors);
  const compare = new Map(compareWithEqualWeights(areas, factors).map((r) => [r.slug, r]));
  const total = factors.reduce((s, f) => s + f.weight, 0);
  const share = `/council/prioritization?${weightsQuery(weights)}`;
  const networks = [...new Set(camerasByNetwork.map((n) => n.network))];
  return (
    <>
      <h1>Where to expand next: rollout prioritization</h1>
      <p className="lede">
        A ranking of every {area} the council can check and reproduce. Each factor comes from data this portal publishes
        (sources below). It is scaled from 0 (lowest {area}) to 1 (highest, or lowest where less is better), multiplied
        by its share of the weights, and added up to a score out of 100.
      </p>
      <h2 id="decisions">Chosen so far, and why</h2>
      {decisions.length === 0 ? (
        <p>The council has not yet chosen any {area}.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack">
            <caption>The council&apos;s decisions, latest first</caption>
            <thead>
              <tr>
                <th scope="col">{capital(area)}</th>
                <th scope="col">Technology</th>
                <th scope="col">Stage</th>
                <th scope="col">Decided</th>
                <th scope="col">Live</th>
                <th scope="col">Why</th>
                <th scope="col">Vote</th>
              </tr>
            </thead>
            <tbody>
              {decisions.map((d, i) => (
                <tr key={i} data-decision={d.area}>
                  <th scope="row" data-label={capital(area)}>
                    {d.area_name}
                  </th>
                  <td data-label="Technology">{d.program_name}</td>
                  <td data-label="Stage">{d.status}</td>
                  <td data-label="Decided">{formatDate(d.decided_on)}</td>
                  <td data-label="Live">{d.live_on ? formatDate(d.live_on) : "not yet"}</td>
                  <td data-label="Why">{d.reason}</td>
                  <td data-label="Vote">
                    {d.result ? `${d.motion}: ${d.result}, ${d.ayes}–${d.noes}` : "no vote recorded"}
                    {d.abstentions ? `, ${d.abstentions} abstaining` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>The ranking</h2>
      {errors.length > 0 && (
        <p role="alert" className="notice">
          Some weights in the address could not be used ({errors.join("; ")}); the starting weights are used for them.
        </p>
      )}
      <form method="get" action="/council/prioritization" className={`${styles.weights} no-print`}>
        <fieldset style={{ border: 0, padding: 0, margin: 0, display: "grid", gap: "0.6rem" }}>
          <legend>Weights (0 to 100; only their proportions matter)</legend>
          {factors.map((f) => (
            <div key={f.factor} className={styles.weight}>
              <label htmlFor={`w-${f.factor}`}>{f.label}</label>
              <input
                id={`w-${f.factor}`}
                name={`w.${f.factor}`}
                type="number"
                min={0}
                max={100}
                step={1}
                defaultValue={Math.round(f.weight * 100)}
              />
              <span>{total > 0 ? Math.round((f.weight / total) * 100) : 0}% of the score</span>
            </div>
          ))}
        </fieldset>
        <p>
          <button type="submit">Rank with these weights</button>{" "}
          <Link href="/council/prioritization">Back to the staff-set weights</Link>
        </p>
      </form>
      <p>
        {fromAddress ? "These weights came from the address." : "These are the weights staff set."} Share or print this
        ranking with its address: <a href={share}>{share}</a>
      </p>
      <div className="table-wrap">
        <table className="stack" data-testid="ranking">
          <caption>
            {capital(area)}s ranked by score (0–100), with the rank under equal weights; points each factor contributes
            (its figure in brackets)
          </caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Rank
              </th>
              <th scope="col">{capital(area)}</th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col" className="num">
                Rank with equal weights
              </th>
              {factors.map((f) => (
                <th key={f.factor} scope="col" className="num">
                  {f.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ranked.map((a) => {
              const cmp = compare.get(a.slug);
              return (
                <tr key={a.slug} data-area={a.slug}>
                  <td className="num" data-label="Rank">
                    {a.rank}
                  </td>
                  <th scope="row" data-label={capital(area)}>
                    {a.name}
                  </th>
                  <td className="num" data-label="Score">
                    <strong>{a.score.toFixed(1)}</strong>
                  </td>
                  <td className="num" data-label="Rank with equal weights">
                    {cmp ? `${cmp.equalRank}${moved(cmp.moved)}` : ""}
                  </td>
                  {a.contributions.map((x) => (
                    <td key={x.factor} className="num" data-label={factors.find((f) => f.factor === x.factor)?.label}>
                      {x.points.toFixed(1)} <span className="muted">({fmt(x.raw)})</span>
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>Where the numbers come from</h2>
      <p className="muted">
        Published data as of {asOf ? formatInstant(asOf, c.timeZone) : "the first publication"}. An {area} with no
        figure for a factor gets no points for it.
      </p>
      <div className="table-wrap">
        <table className="stack">
          <caption>Factors, their sources and methods</caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              <th scope="col">Better when</th>
              <th scope="col">Source</th>
              <th scope="col">Method</th>
            </tr>
          </thead>
          <tbody>
            {factors.map((f) => {
              const def = catalog.find((x) => x.factor === f.factor)!;
              return (
                <tr key={f.factor}>
                  <th scope="row" data-label="Factor">
                    {f.label}
                  </th>
                  <td data-label="Better when">
                    {f.direction === "higher_is_better" ? "higher ranks earlier" : "lower ranks earlier"}
                  </td>
                  <td data-label="Source">{def.source}</td>
                  <td data-label="Method">{def.method}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {networks.length > 0 && (
        <>
          <h2>Existing public cameras by network</h2>
          <div className="table-wrap">
            <table className="stack">
              <caption>Active city and partner-agency cameras per {area}, by the network that owns them</caption>
              <thead>
                <tr>
                  <th scope="col">{capital(area)}</th>
                  {networks.map((n) => (
                    <th key={n} scope="col" className="num">
                      {NETWORK_LABELS[n] ?? n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {areas.map((a) => (
                  <tr key={a.slug}>
                    <th scope="row">{a.name}</th>
                    {networks.map((n) => (
                      <td key={n} className="num" data-label={NETWORK_LABELS[n] ?? n}>
                        {formatCount(camerasByNetwork.find((x) => x.area === a.slug && x.network === n)?.n ?? 0)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const moved = (m: number) => (m > 0 ? ` (up ${m})` : m < 0 ? ` (down ${-m})` : "");
