import type { Metadata } from "next";
import { connection } from "next/server";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { latestCheckpoints, listAudit } from "@/db/queries/review/audit";
import { requireRolePage } from "@/server/auth/dal";
import { fmtDateTime, parseCommon } from "../_lib/format";
import { auditView } from "../_lib/view-audit";
import { countOf } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Audit log — Daylight review" };
const PAGE_SIZE = 50;
const ACTIONS = ["auth.", "review.", "finding.", "export.", "user.", "flags.", "content.", "import.", "token."];

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("auditor");
  const params = flattenParams(await searchParams);
  const c = parseCommon(params);
  const page = Math.max(1, Number(params.page) || 1);
  const db = await getDb();
  const filters = {
    action: params.action?.slice(0, 60),
    actor: params.actor?.slice(0, 100),
    targetType: params.target?.slice(0, 40),
    from: c.from,
    to: c.to,
  };
  const [{ rows, total }, checkpoints] = await Promise.all([
    listAudit(db, { filters, page, pageSize: PAGE_SIZE }),
    latestCheckpoints(db, 5),
  ]);
  await auditView(user, { targetType: "audit_log", details: { filters: params } });
  return (
    <>
      <h1>Audit log</h1>
      <p className="lede">
        Every sign-in, review view, export and change, newest first. Each row carries the hash of the one before it;{" "}
        <code>daylight audit verify</code> recomputes the chain and names the first broken row.
      </p>
      {checkpoints.length ? (
        <p>
          Latest published checkpoint: {checkpoints[0].day}, {checkpoints[0].rowCount.toLocaleString("en-US")} rows,
          head <code>{checkpoints[0].headHash.slice(0, 16)}…</code>
        </p>
      ) : null}
      <FilterForm
        path="/review/audit"
        params={params}
        errors={c.errors}
        fields={[
          {
            name: "action",
            label: "Action starts with",
            type: "select",
            options: ACTIONS.map((a) => ({ value: a, label: a })),
          },
          { name: "actor", label: "Actor (name, email or id)", type: "text" },
          { name: "target", label: "Target type", type: "text", placeholder: "camera_access, user, finding…" },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
      />
      <p>{countOf(total, "entry matches", "entries match")}.</p>
      <div className="table-wrap">
        <table>
          <caption>Audit entries</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Target</th>
              <th scope="col">Details</th>
              <th scope="col">IP</th>
              <th scope="col">Hash</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.id}</th>
                <td>{fmtDateTime(r.at)}</td>
                <td>
                  {r.actorLabel ?? "—"}{" "}
                  <span className="muted">
                    ({r.actorType}
                    {r.actorId ? ` ${r.actorId}` : ""})
                  </span>
                </td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>{r.targetType ? `${r.targetType}${r.targetId ? ` #${r.targetId}` : ""}` : "—"}</td>
                <td>
                  <code style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
                    {Object.keys(r.details).length ? JSON.stringify(r.details) : ""}
                  </code>
                </td>
                <td>{r.ip ?? "—"}</td>
                <td>
                  <code title={r.hash}>{r.hash.slice(0, 10)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        path="/review/audit"
        params={params}
        page={page}
        pageCount={Math.ceil(total / PAGE_SIZE)}
        label="Audit entries"
      />
    </>
  );
}
