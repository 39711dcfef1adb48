// A GET filter form: labelled inputs whose values go into the URL. Changing a filter returns to
// page 1; the current sort is kept in hidden fields.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "./table-params";
import styles from "./tables.module.css";

export type FilterField =
  | { name: string; label: string; type: "select"; options: Array<{ value: string; label: string }>; anyLabel?: string }
  | { name: string; label: string; type: "date" }
  | { name: string; label: string; type: "text"; placeholder?: string };

export function FilterForm(props: {
  path: string;
  /** Current URL params (filters, sort). */
  params: Record<string, string>;
  fields: FilterField[];
  /** Messages for invalid filter values, by field name. */
  errors?: Record<string, string>;
  legend?: string;
}) {
  const { params, fields, errors = {} } = props;
  const names = new Set(fields.map((f) => f.name));
  const applied = fields.filter((f) => params[f.name]).length;
  const hasErrors = Object.keys(errors).length > 0;
  const t = useTranslations("Tables");
  // On phones the form folds behind a "Filter" button (open when filters are applied or wrong, so a
  // resident sees what shapes the list); on wider screens it always shows (see .filter-toggle).
  return (
    <details className={`filter-toggle ${styles.toggle}`} open={applied > 0 || hasErrors}>
      <summary>{applied > 0 ? t("filterApplied", { n: applied }) : t("filter")}</summary>
      <FormBody {...props} names={names} />
    </details>
  );
}

function FormBody(props: Parameters<typeof FilterForm>[0] & { names: Set<string> }) {
  const { path, params, fields, errors = {}, names } = props;
  const t = useTranslations("Tables");
  return (
    <form method="get" action={path} className={styles.filters}>
      <fieldset>
        <legend>{props.legend ?? t("filter")}</legend>
        <div className={styles.fieldRow}>
          {fields.map((f) => {
            const id = `filter-${f.name}`;
            const err = errors[f.name];
            const describedBy = err ? `${id}-error` : undefined;
            return (
              <div key={f.name} className={styles.field}>
                <label htmlFor={id}>{f.label}</label>
                {f.type === "select" ? (
                  <select id={id} name={f.name} defaultValue={params[f.name] ?? ""} aria-describedby={describedBy}>
                    <option value="">{f.anyLabel ?? t("any")}</option>
                    {f.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    name={f.name}
                    type={f.type}
                    defaultValue={params[f.name] ?? ""}
                    placeholder={f.type === "text" ? f.placeholder : undefined}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={describedBy}
                  />
                )}
                {err ? (
                  <span id={`${id}-error`} className="field-error">
                    {err}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <div className={styles.actions}>
          <button type="submit">{t("apply")}</button>
          <Link className="button secondary" href={hrefWith(path, {}, { sort: params.sort, dir: params.dir })}>
            {t("clear")}
          </Link>
          {Object.keys(params).some((k) => names.has(k)) ? <span className="muted">{t("shareHint")}</span> : null}
        </div>
      </fieldset>
    </form>
  );
}
