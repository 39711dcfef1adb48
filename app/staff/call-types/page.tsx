import { listCategories, listUnmapped } from "@/db/queries/staff/call-types";
import { ActionForm } from "@/components/forms/action-form";
import { requireRolePage } from "@/server/auth/dal";
import { MAPPING_SCOPE_LABELS, UNCLASSIFIED } from "@/lib/ingest/call-type-map";
import { mapCallTypeAction } from "../_actions/call-types";

export const dynamic = "force-dynamic";
export const metadata = { title: "Call types · Staff" };

export default async function StaffCallTypes() {
  await requireRolePage("staff", "admin");
  const [unmapped, categories] = await Promise.all([listUnmapped(), listCategories()]);
  const options = [
    { value: "", label: "— Choose a category —" },
    ...categories
      .filter((c) => c.code !== UNCLASSIFIED)
      .map((c) => ({ value: c.code, label: c.sensitive ? `${c.label} (protected)` : c.label })),
  ];
  const rows = unmapped.reduce((n, u) => n + u.total, 0);
  return (
    <>
      <h1>Call types not yet classified</h1>
      <p className="muted">
        Imported records whose call type, flight purpose or plate-reader search reason has no category yet. They are
        published as &ldquo;Not yet classified&rdquo;. Choosing a category reclassifies every such record at once (no
        new import); a protected category makes them protected records. A mapping applies to the records of the dataset
        it was saved for only (the same words can mean different things to a drone log and a plate-reader audit). Each
        change is recorded in the audit log.
      </p>
      {unmapped.length === 0 ? (
        <p>Every imported call type has a category.</p>
      ) : (
        <p>
          {unmapped.length} call type{unmapped.length === 1 ? "" : "s"} on {rows.toLocaleString("en-US")} record
          {rows === 1 ? "" : "s"}.
        </p>
      )}
      {unmapped.map((u) => {
        const shown = u.examples.filter(Boolean).join(" · ") || "(no call type given)";
        return (
          <section
            key={`${u.scope}|${u.key}`}
            className="card"
            style={{ marginBottom: "0.75rem" }}
            aria-label={shown}
            data-scope={u.scope}
          >
            <h2 style={{ fontSize: "1.05rem", margin: 0 }}>{shown}</h2>
            <p style={{ margin: "0.25rem 0" }}>
              Mapping applies to: <strong>{MAPPING_SCOPE_LABELS[u.scope]}</strong>
            </p>
            <p className="muted" style={{ margin: "0.25rem 0" }}>
              {u.total.toLocaleString("en-US")} record{u.total === 1 ? "" : "s"}: {u.flights} drone flight
              {u.flights === 1 ? "" : "s"}, {u.csoCalls} CSO call{u.csoCalls === 1 ? "" : "s"}, {u.searches}{" "}
              plate-reader search{u.searches === 1 ? "" : "es"}
            </p>
            {u.key ? (
              <ActionForm
                action={mapCallTypeAction}
                inline
                label={`Category for ${shown}`}
                submitLabel="Save category"
                fields={[
                  { name: "raw", label: "Call type", type: "hidden", defaultValue: u.examples[0] ?? u.key },
                  { name: "scope", label: "Applies to", type: "hidden", defaultValue: u.scope },
                  { name: "category", label: "Category", type: "select", options, required: true },
                ]}
              />
            ) : null}
          </section>
        );
      })}
    </>
  );
}
