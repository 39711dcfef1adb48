import { connection } from "next/server";
import { listInitiatives } from "@/db/queries/public/content";
import { listEngagementThemes, listStrategyPhases } from "@/db/queries/public/well-being";
import { feedbackCountsByTheme } from "@/db/queries/public/feedback-context";
import { rules } from "@/lib/publish/rules";
import { SUPPRESSED_LABEL } from "@/lib/publish/rules/suppression";
import { city } from "@/lib/config/city";
import { localDate } from "@/lib/time";
import { PHASE_LABELS, SERVICE_AREA_LABELS, phaseStatus } from "@/lib/content/strategy";
import { formatCount, formatDate } from "@/lib/format/numbers";
import { SERVICE_AREAS } from "@/lib/vocab";

export const metadata = { title: "Community Safety and Well-Being strategy" };

export default async function WellBeingPage() {
  await connection();
  const c = city();
  const today = localDate(new Date(), c.timeZone);
  const [initiatives, phases, themes, filed] = await Promise.all([
    listInitiatives(),
    listStrategyPhases(),
    listEngagementThemes(),
    feedbackCountsByTheme(),
  ]);
  // Messages residents filed under a theme: a small count is shown as a range, like every count.
  const filedText = (n: number) => (n > 0 && n < rules.minCount ? SUPPRESSED_LABEL : formatCount(n));
  const totalComments = themes.reduce((s, t) => s + t.comments, 0);
  return (
    <>
      <h1>Community Safety and Well-Being strategy</h1>
      <p className="lede">
        The strategy&apos;s three service areas and the programs and initiatives under each, its phases, and what
        residents said during community engagement.
      </p>

      <h2>Phases</h2>
      {phases.length === 0 ? (
        <p>Staff have not recorded the strategy&apos;s phases yet.</p>
      ) : (
        <table>
          <caption>The strategy&apos;s phases, with their dates and where each stands today</caption>
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col">Dates</th>
              <th scope="col">Status</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {phases.map((p) => (
              <tr key={p.phase}>
                <th scope="row">{PHASE_LABELS[p.phase]}</th>
                <td>
                  {formatDate(p.startsOn)} to {p.endsOn ? formatDate(p.endsOn) : "ongoing"}
                </td>
                <td>{phaseStatus(p, today)}</td>
                <td>{p.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {SERVICE_AREAS.map((area) => {
        const items = initiatives.filter((i) => i.serviceArea === area);
        return (
          <section key={area} aria-labelledby={`sa-${area}`}>
            <h2 id={`sa-${area}`}>{SERVICE_AREA_LABELS[area]}</h2>
            {items.length === 0 ? (
              <p>No program or initiative is recorded under this service area yet.</p>
            ) : (
              <ul>
                {items.map((i) => (
                  <li key={i.id}>
                    <strong>{i.name}</strong>
                    {i.programName ? ` (${i.programName})` : ""}: {i.status.replace(/_/g, " ")}
                    {i.description ? `. ${i.description}` : ""}
                    {i.milestones.length > 0 && (
                      <ul>
                        {i.milestones.map((m) => (
                          <li key={m.id}>
                            {m.title}:{" "}
                            {m.completedDate
                              ? `done ${formatDate(m.completedDate)}`
                              : m.dueDate
                                ? `due ${formatDate(m.dueDate)}`
                                : "no date yet"}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      <h2>What residents said</h2>
      {themes.length === 0 ? (
        <p>Staff have not summarized community feedback yet.</p>
      ) : (
        <table className="stack">
          <caption>
            Comments from community engagement, counted and summarized by staff by theme ({formatCount(totalComments)}{" "}
            in all), and messages residents filed under each theme on this portal&apos;s feedback form
          </caption>
          <thead>
            <tr>
              <th scope="col">Theme</th>
              <th scope="col">Service area</th>
              <th scope="col" className="num">
                Comments
              </th>
              <th scope="col" className="num">
                Filed through this portal
              </th>
              <th scope="col">What they said</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.theme}</th>
                <td data-label="Service area">{t.serviceArea ? SERVICE_AREA_LABELS[t.serviceArea] : "all"}</td>
                <td className="num" data-label="Comments">
                  {formatCount(t.comments)}
                </td>
                <td className="num" data-label="Filed through this portal" data-theme-filed={t.theme}>
                  {filedText(filed.get(t.id) ?? 0)}
                </td>
                <td data-label="What they said">{t.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
