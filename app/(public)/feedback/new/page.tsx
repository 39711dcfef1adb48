import Link from "next/link";
import { connection } from "next/server";
import { getFlight } from "@/db/queries/public/drones";
import { FeedbackForm } from "@/components/forms/feedback-form";
import { parseTarget, programChoices, programForTarget } from "@/lib/content/feedback";
import { formatInstant } from "@/lib/content/zoned-time";
import { city } from "@/lib/config/city";
import { sendFeedbackAction } from "./actions";

export const metadata = { title: "Send feedback or a complaint" };

export default async function NewFeedback({ searchParams }: { searchParams: Promise<{ target?: string | string[] }> }) {
  await connection();
  const raw = (await searchParams).target;
  const target = parseTarget(typeof raw === "string" ? raw : null);
  let about = "the public-safety technology programs";
  if (target.type === "flight" && target.ref) {
    const f = await getFlight({ publicId: target.ref });
    about = f
      ? `the drone flight of ${formatInstant(f.startedAt, city().timeZone)} (${f.categoryLabel}${f.areaName ? `, ${f.areaName}` : ""})`
      : "a drone flight we could not find";
  } else if (target.type === "policy" && target.ref) about = `the policy “${target.ref}”`;
  else if (target.type === "access" && target.ref) about = `camera access record ${target.ref}`;
  else if (target.type === "program" && target.ref)
    about = programChoices.find((p) => p.slug === target.ref)?.label ?? about;
  const program = programForTarget(target) ?? (target.type === "access" ? "fixed_cameras" : "");
  return (
    <>
      <p className="muted">
        <Link href="/feedback">Community feedback</Link>
      </p>
      <h1>{target.type === "flight" ? "Report a concern about this flight" : "Send feedback or a complaint"}</h1>
      <p className="lede">
        About: {about}. You do not need an account. Your name and email are optional, only used to reply to you, and
        never published.
      </p>
      {target.type === "flight" && target.ref && (
        <p>
          <Link href={`/drones/flights/${target.ref}`}>Back to the flight</Link>
        </p>
      )}
      <FeedbackForm
        action={sendFeedbackAction}
        target={target.type === "general" ? "" : `${target.type}:${target.ref}`}
        defaultKind={target.type === "flight" ? "complaint" : "feedback"}
        defaultProgram={program}
        programs={programChoices.map((p) => ({ value: p.slug, label: p.label }))}
      />
    </>
  );
}
