// The data dictionary of one dataset as a table people can read.
import { useLocale, useTranslations } from "next-intl";
import { dictionary } from "@/lib/opendata/dictionary";
import type { DatasetDef } from "@/lib/opendata/types";
import styles from "./opendata.module.css";

export function DictionaryTable({ def }: { def: DatasetDef }) {
  const entries = dictionary(def);
  const t = useTranslations("OpenData");
  // The dictionary's meanings and privacy notes are technical text written in English.
  const regLang = useLocale() === "en" ? undefined : "en";
  return (
    <div className="table-wrap">
      <table className={`${styles.dict} stack`}>
        <caption>{t("dictCaption", { title: def.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("column")}</th>
            <th scope="col">{t("type")}</th>
            <th scope="col">{t("meaning")}</th>
            <th scope="col">{t("allowed")}</th>
            <th scope="col">{t("privacy")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.column}>
              <td data-label={t("column")}>{e.column}</td>
              <td data-label={t("type")}>
                {e.type}
                {e.nullable ? <span className="muted">{t("mayBeEmpty")}</span> : null}
              </td>
              <td data-label={t("meaning")} lang={regLang}>
                {e.meaning}
              </td>
              <td data-label={t("allowed")} className={styles.values}>
                {e.allowedValues ? e.allowedValues.join(", ") : <span className="muted">{t("any")}</span>}
              </td>
              <td data-label={t("privacy")}>
                {e.privacy ? <span lang={regLang}>{e.privacy}</span> : <span className="muted">{t("asRecorded")}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
