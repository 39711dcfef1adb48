import Link from "next/link";
import { connection } from "next/server";
import { resolveFeedbackTarget } from "@/db/queries/public/feedback-target";
import { FeedbackForm } from "@/components/forms/feedback-form";
import { parseTarget, programChoices } from "@/lib/content/feedback";
import { sendFeedbackAction } from "./actions";

export const metadata = { title: "Send feedback or a complaint" };

const RECORD_HEADING: Partial<Record<string, string>> = {
  flight: "Report a concern about this flight",
  access: "Report a concern about this camera access",
  search: "Report a concern about this plate-reader search",
};

export default async function NewFeedback({ searchParams }: { searchParams: Promise<{ target?: string | string[] }> }) {
  await connection();
  const raw = (await searchParams).target;
  const target = parseTarget(typeof raw === "string" ? raw : null);
  const resolved = await resolveFeedbackTarget({ target });
  const about = resolved.found ? resolved.about : "the public-safety technology programs";
  const program = resolved.found ? (resolved.program ?? "") : "";
  const known = resolved.found && target.type !== "general";
  // A link whose target is not even of a known shape is refused too, not silently made general.
  const malformed = typeof raw === "string" && raw.trim() !== "" && target.type === "general";
  return (
    <>
      <p className="muted">
        <Link href="/feedback">Community feedback</Link>
      </p>
      <h1>{RECORD_HEADING[target.type] ?? "Send feedback or a complaint"}</h1>
      {resolved.found && !malformed ? null : (
        <p role="alert" className="field-error">
          {resolved.found ? "That link does not name a record we publish." : resolved.message} Check the link you
          followed; you can still send general feedback below.
        </p>
      )}
      <p className="lede">
        About: {about}. You do not need an account. Your name and email are optional, only used to reply to you, and
        never published.
      </p>
      {known && target.type === "flight" && (
        <p>
          <Link href={`/drones/flights/${target.ref}`}>Back to the flight</Link>
        </p>
      )}
      <FeedbackForm
        action={sendFeedbackAction}
        target={known ? `${target.type}:${target.ref}` : ""}
        defaultKind={target.type in RECORD_HEADING ? "complaint" : "feedback"}
        defaultProgram={program}
        programs={programChoices.map((p) => ({ value: p.slug, label: p.label }))}
      />
    </>
  );
}
