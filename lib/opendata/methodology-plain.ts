// The two privacy rules residents ask about most, in plain words, built from the rules module's
// values so the methodology page states exactly what the publication step does.
import type { Rules } from "../publish/rules";

export type PlainRule = { id: string; title: string; paragraphs: string[] };

export function plainRules(r: Rules): PlainRule[] {
  const k = r.minCount;
  return [
    {
      id: "sensitive-sites",
      title: "Sensitive sites are never located",
      paragraphs: [
        `The city lists sensitive sites: shelters, health clinics, places of worship and schools, each with a radius. Their names and places are never published. No page, API response or download shows a site's name, or any point, camera, flight path point or hexagon of resolution ${r.h3Resolution} or finer within the site's radius plus ${r.sensitiveSiteBufferM} m; places there are shown at resolution ${r.h3ParentResolution} at most.`,
        `A camera inside that distance, or named after a site wherever it stands, is published only as a number in its area ("cameras at sensitive sites", fewer than ${k} shown as "fewer than ${k}"). Its use appears in the access log as "camera at a sensitive site" with the area, never with its name or site. Council staff see the camera itself in the review area.`,
      ],
    },
    {
      id: "row-level-logs",
      title: "Row-level logs never name a sensitive call type",
      paragraphs: [
        `The flight log, the camera access log, the plate-reader search log and the Community Safety Officer call log publish one row per record, so every filter is a count. That is why, in these logs, every call of a sensitive type (domestic violence, sexual assault, child abuse or a juvenile subject, mental health, medical calls, welfare checks) carries the single label "${r.protectedCategory.label}" (category code "${r.protectedCategory.code}"), with the ${r.sensitiveTimeRounding} only and no place finer than resolution ${r.sensitiveH3Resolution}.`,
        `No filter, sort, total or page count of a log can pick out one sensitive type: the filters offer only "${r.protectedCategory.label}", and the open-data API answers a request naming a specific sensitive type with an error (HTTP 400). The specific types appear only in the charts and tables of counts, where any count from 1 to ${k - 1} is shown as "fewer than ${k}", and a second count is hidden whenever subtraction could reveal the first.`,
        `For other call types the logs show every record, small numbers included, as other cities publish their flight logs. In the charts a week or row whose parts are all "fewer than ${k}" still shows its total when it is ${k} or more, drawn as "not broken down", so a chart never shows an empty week that the log says was busy.`,
      ],
    },
  ];
}
