// The period picker: a plain GET form, so the period lives in the URL and can be shared.
import { useTranslations } from "next-intl";

export function PeriodForm({ from, to, action }: { from: string; to: string; action: string }) {
  const t = useTranslations("Council");
  return (
    <form
      method="get"
      action={action}
      className="no-print"
      style={{ display: "flex", gap: "0.75rem", alignItems: "flex-end", flexWrap: "wrap" }}
    >
      <div style={{ display: "grid" }}>
        <label htmlFor="from">{t("from")}</label>
        <input id="from" name="from" type="date" defaultValue={from} />
      </div>
      <div style={{ display: "grid" }}>
        <label htmlFor="to">{t("to")}</label>
        <input id="to" name="to" type="date" defaultValue={to} />
      </div>
      <button type="submit">{t("show")}</button>
    </form>
  );
}
