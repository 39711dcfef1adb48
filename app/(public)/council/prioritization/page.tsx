import Link from "next/link";
import { connection } from "next/server";
import { prioritizationInputs } from "@/db/queries/public/council";
import { Prioritization } from "@/components/content/prioritization";

export const metadata = { title: "Rollout prioritization" };

export default async function PrioritizationPage() {
  await connection();
  const { weights, areas } = await prioritizationInputs();
  return (
    <>
      <h1>Where to expand next: rollout prioritization</h1>
      <p className="lede">
        A transparent way to rank areas for the next real-time camera and drone sites. Each factor is scaled from 0
        (lowest area) to 1 (highest area), multiplied by its share of the weights, and added up to a score out of 100.
        Move the weights to see how the order changes; the starting weights are the ones staff set.
      </p>
      <Prioritization
        areas={areas}
        factors={weights.map((w) => ({ factor: w.factor, label: w.label, weight: w.weight, direction: w.direction }))}
      />
      <h2>Where the numbers come from</h2>
      <ul>
        <li>
          <strong>Property crime rate</strong> and <strong>community support in feedback</strong>: staff-maintained area
          figures, published as they are.
        </li>
        <li>
          <strong>Calls for service per 1,000 residents</strong>: published drone calls since launch in each area,
          divided by its population.
        </li>
        <li>
          <strong>Existing public cameras</strong>: city and partner-agency cameras in each area from the{" "}
          <Link href="/cameras">published camera inventory</Link>.
        </li>
        <li>An area with no figure for a factor gets no points for it.</li>
      </ul>
    </>
  );
}
