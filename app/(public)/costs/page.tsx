import { connection } from "next/server";
import { DownloadLinks } from "@/components/opendata/download-links";
import { listBudgetItems, listInitiatives } from "@/db/queries/public/content";
import { formatDate, formatMoney } from "@/lib/format/numbers";
import { milestoneSentence } from "@/lib/content/milestone-status";
import { summarizeCosts } from "@/lib/content/scorecard";
import { city } from "@/lib/config/city";
import { isoDateIn } from "@/lib/format/intl";
import { costSentence } from "@/lib/content/summary";

export const metadata = { title: "Costs and milestones" };

const milestoneKinds: Record<string, string> = {
  rfp_issued: "Request for proposals",
  vendor_selected: "Vendor selected",
  contract_approved: "Contract approved",
  installation: "Installation",
  complete: "Complete",
  community_engagement: "Community engagement",
  other: "Milestone",
};
const serviceAreas: Record<string, string> = {
  law_enforcement_emergency: "Law enforcement and emergency response",
  neighborhood_livability: "Neighborhood livability",
  health_human_services: "Health and human services",
};

export default async function CostsPage() {
  await connection();
  const [items, inits] = await Promise.all([listBudgetItems(), listInitiatives()]);
  const total = summarizeCosts(items);
  const today = isoDateIn(new Date(), city().timeZone);
  return (
    <>
      <h1>Costs and milestones</h1>
      <p className="lede">
        What each part of the pilot was approved to cost, what it actually cost, and where the money came from.{" "}
        {costSentence(total)}
      </p>
      <div className="table-wrap">
        <table className="stack">
          <caption>Budget items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Program</th>
              <th scope="col" className="num">
                Approved
              </th>
              <th scope="col" className="num">
                Actual
              </th>
              <th scope="col" className="num">
                Variance
              </th>
              <th scope="col">Funding source</th>
              <th scope="col">Status</th>
              <th scope="col">Fiscal year</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => {
              const v = b.actualCostCents === null ? null : b.actualCostCents - b.approvedAmountCents;
              return (
                <tr key={b.id}>
                  <th scope="row" data-label="Item">
                    {b.name}
                    {b.note && (
                      <div className="muted" style={{ fontWeight: 400 }}>
                        {b.note}
                      </div>
                    )}
                  </th>
                  <td data-label="Program">{b.programName ?? "City-wide"}</td>
                  <td className="num" data-label="Approved">
                    {formatMoney(b.approvedAmountCents)}
                  </td>
                  <td className="num" data-label="Actual">
                    {b.actualCostCents === null ? "not yet spent" : formatMoney(b.actualCostCents)}
                  </td>
                  <td className="num" data-label="Variance">
                    {v === null
                      ? "—"
                      : v === 0
                        ? "on budget"
                        : v > 0
                          ? `${formatMoney(v)} over`
                          : `${formatMoney(-v)} under`}
                  </td>
                  <td data-label="Funding source">{b.fundingSource}</td>
                  <td data-label="Status">{b.status}</td>
                  <td data-label="Fiscal year">{b.fiscalYear}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total (excluding cancelled)</th>
              <td className="no-stack" />
              <td className="num" data-label="Approved">
                {formatMoney(total.approvedCents)}
              </td>
              <td className="num" data-label="Actual">
                {formatMoney(total.spentCents)}
              </td>
              <td className="num" data-label="Variance">
                {total.varianceCents === 0
                  ? "on budget"
                  : total.varianceCents > 0
                    ? `${formatMoney(total.varianceCents)} over`
                    : `${formatMoney(-total.varianceCents)} under`}
              </td>
              <td colSpan={3} className="muted">
                Variance compares purchases so far with their approved amounts.
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <DownloadLinks dataset="budget-items" />
      <h2>Initiatives and milestones</h2>
      {inits.map((i) => (
        <section key={i.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`init-${i.id}`}>
          <h3 id={`init-${i.id}`} style={{ marginTop: 0 }}>
            {i.name}
          </h3>
          <p className="muted" style={{ margin: 0 }}>
            {serviceAreas[i.serviceArea] ?? i.serviceArea}
            {i.programName ? ` · ${i.programName}` : ""}
          </p>
          {i.description && <p>{i.description}</p>}
          <ol>
            {i.milestones.map((m) => (
              <li key={m.id}>
                <strong>{milestoneKinds[m.kind] ?? m.kind}</strong>: {m.title}.{" "}
                {milestoneSentence(m, today, formatDate)}
                {m.note ? ` ${m.note}` : ""}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
