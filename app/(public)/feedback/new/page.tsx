import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { resolveFeedbackTarget } from "@/db/queries/public/feedback-target";
import { feedbackChoices } from "@/db/queries/public/feedback-context";
import { city } from "@/lib/config/city";
import { FeedbackForm } from "@/components/forms/feedback-form";
import { parseTarget, programChoices } from "@/lib/content/feedback";
import { sendFeedbackLocalized } from "./localized-action";

export async function generateMetadata() {
  const t = await getTranslations("Feedback");
  return { title: t("newTitle") };
}

const RECORD_HEADING = { flight: "headingFlight", access: "headingAccess", search: "headingSearch" } as const;
const recordHeading = (type: string) =>
  type in RECORD_HEADING ? RECORD_HEADING[type as keyof typeof RECORD_HEADING] : undefined;

export default async function NewFeedback({ searchParams }: { searchParams: Promise<{ target?: string | string[] }> }) {
  await connection();
  const t = await getTranslations("Feedback");
  const raw = (await searchParams).target;
  const target = parseTarget(typeof raw === "string" ? raw : null);
  const [resolved, choices] = await Promise.all([resolveFeedbackTarget({ target }), feedbackChoices()]);
  const areaWord = city().areaKind === "division" ? "division" : "neighborhood";
  const about = resolved.found ? resolved.about : t("aboutGeneral");
  const program = resolved.found ? (resolved.program ?? "") : "";
  const known = resolved.found && target.type !== "general";
  // A link whose target is not even of a known shape is refused too, not silently made general.
  const malformed = typeof raw === "string" && raw.trim() !== "" && target.type === "general";
  return (
    <>
      <p className="muted">
        <Link href="/feedback">{t("back")}</Link>
      </p>
      <h1>{t(recordHeading(target.type) ?? "newTitle")}</h1>
      {resolved.found && !malformed ? null : (
        <p role="alert" className="field-error">
          {resolved.found ? t("badLink") : resolved.message}
          {t("checkLink")}
        </p>
      )}
      <p className="lede">{t("about", { about })}</p>
      {known && target.type === "flight" && (
        <p>
          <Link href={`/drones/flights/${target.ref}`}>{t("backToFlight")}</Link>
        </p>
      )}
      <FeedbackForm
        action={sendFeedbackLocalized}
        target={known ? `${target.type}:${target.ref}` : ""}
        defaultKind={recordHeading(target.type) ? "complaint" : "feedback"}
        defaultProgram={program}
        areas={{
          label: t("areaLabel", { area: t(`areaTitle.${areaWord}`) }),
          hint: t("areaHint", { one: t(`areaOne.${areaWord}`), word: t(`areaWord.${areaWord}`) }),
          options: [
            { value: "", label: t("noArea", { one: t(`areaOne.${areaWord}`) }) },
            ...choices.areas.map((a) => ({ value: a.slug, label: a.name })),
          ],
        }}
        themes={{
          label: t("themeLabel"),
          options: [
            { value: "", label: t("noTheme") },
            ...choices.themes.map((x) => ({ value: String(x.id), label: x.theme })),
          ],
        }}
        programs={programChoices.map((p) => ({
          value: p.slug,
          label: t.has(`programs.${p.slug}`) ? t(`programs.${p.slug}` as "programs.drones") : p.label,
        }))}
      />
    </>
  );
}
