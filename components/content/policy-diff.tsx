// A policy comparison read as text: headings, paragraphs and list items as they appear on the policy
// page, with inserted words in <ins> and deleted words in <del>, each announced in words
// ("inserted", "deleted") and marked by more than colour (underline, strike-through, a side bar).
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { foldUnchanged, type DiffBlock, type Part, type RenderedDiff } from "@/lib/content/rendered-diff";
import styles from "./content.module.css";

function PartView({ part, label, lang }: { part: Part; label: string; lang?: string }) {
  if (part.change === "same") return <>{part.text}</>;
  if (part.text.trim() === "") return <>{part.text}</>;
  const Tag = part.change === "inserted" ? "ins" : "del";
  return (
    <Tag>
      <span className="visually-hidden" lang={lang}>
        {label}
      </span>
      {part.text}
      <span className="visually-hidden">] </span>
    </Tag>
  );
}

const DATA_KIND = { inserted: "added", deleted: "removed", changed: "changed", same: "same" } as const;

function BlockView({ block }: { block: DiffBlock }) {
  const t = useTranslations("Policy");
  // The policy text is written in English; the words around it follow the page.
  const locale = useLocale();
  const en = locale === "en" ? undefined : "en";
  const text: ReactNode = block.parts.map((p, i) => (
    <PartView
      key={i}
      part={p}
      label={p.change === "inserted" ? t("inserted") : t("deleted")}
      lang={en ? locale : undefined}
    />
  ));
  const label = block.change === "same" ? "" : t(`kind.${block.change}`);
  const body =
    block.kind === "heading" ? (
      <p className={styles.diffHeading}>{text}</p>
    ) : block.kind === "code" ? (
      <pre>{text}</pre>
    ) : block.kind === "bullet" || block.kind === "number" ? (
      <p className={styles.diffItem}>
        <span aria-hidden="true">{block.kind === "bullet" ? "• " : "· "}</span>
        {text}
      </p>
    ) : block.kind === "quote" ? (
      <blockquote>{text}</blockquote>
    ) : (
      <p>{text}</p>
    );
  return (
    <div className={`${styles.diffBlock} ${styles[`diff_${block.change}`]}`} data-kind={DATA_KIND[block.change]}>
      {label ? <span className={styles.diffLabel}>{label}</span> : null}
      <div lang={en}>{body}</div>
    </div>
  );
}

export function PolicyDiffView({ diff }: { diff: RenderedDiff }) {
  const t = useTranslations("Policy");
  return (
    <div className={styles.renderedDiff} data-testid="policy-diff">
      {foldUnchanged(diff.blocks, 1).map((b, i) =>
        b.change === "skip" ? (
          <p key={i} className={styles.skip}>
            {t("unchanged", { count: b.count })}
          </p>
        ) : (
          <BlockView key={i} block={b} />
        ),
      )}
    </div>
  );
}
