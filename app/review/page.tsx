import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { STATUS_LABELS } from "@/db/queries/review/common";
import { listQueue, QUEUE_STATUSES, queueCounts } from "@/db/queries/review/queue";
import { RULE_NAMES, RULE_TITLES } from "@/lib/anomalies/types";
import { requireRolePage } from "@/lib/auth/dal";
import { enumParam, fmtDateTime, parseCommon } from "./_lib/format";
import { auditView } from "./_lib/view-audit";
import { FlagChips } from "./_components/flag-list";
import styles from "./review.module.css";
import { countOf } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Flagged queue — Daylight review" };

const TYPE_LABELS = {
  camera_access: "Camera access",
  alpr_search: "Plate search",
  drone_flight: "Drone flight",
} as const;
const TYPE_PATHS = {
  camera_access: "/review/access",
  alpr_search: "/review/alpr",
  drone_flight: "/review/flights",
} as const;
const PAGE_SIZE = 25;

export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const params = flattenParams(await searchParams);
  const common = parseCommon(params);
  const filters = {
    rule: enumParam(params.rule, RULE_NAMES),
    recordType: enumParam(params.type, ["camera_access", "alpr_search", "drone_flight"] as const),
    status: enumParam(params.status, QUEUE_STATUSES),
    from: common.from,
    to: common.to,
  };
  const page = Math.max(1, Number(params.page) || 1);
  const db = await getDb();
  const [{ rows, total }, counts] = await Promise.all([
    listQueue(db, { filters, dir: params.dir === "asc" ? "asc" : "desc", page, pageSize: PAGE_SIZE }),
    queueCounts(db),
  ]);
  await auditView(user, { targetType: "review_queue", details: { filters: params } });
  return (
    <>
      <h1>Flagged queue</h1>
      <p className="lede">
        Records an anomaly rule flagged, newest first. Open one to see why, then mark it reviewed, ask for an
        explanation, or open a finding.
      </p>
      <ul className="cards" aria-label="Flagged records by state">
        {QUEUE_STATUSES.map((s) => (
          <li key={s} className="card">
            <h3>{STATUS_LABELS[s]}</h3>
            <p className="metric">
              <Link href={`/review?status=${s}`}>{(counts[s] ?? 0).toLocaleString("en-US")}</Link>
            </p>
          </li>
        ))}
      </ul>
      <FilterForm
        path="/review"
        params={params}
        errors={common.errors}
        fields={[
          {
            name: "status",
            label: "State",
            type: "select",
            options: QUEUE_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
          },
          {
            name: "rule",
            label: "Rule",
            type: "select",
            options: RULE_NAMES.map((r) => ({ value: r, label: RULE_TITLES[r] })),
          },
          {
            name: "type",
            label: "Record type",
            type: "select",
            options: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })),
          },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
      />
      <p>{countOf(total, "flagged record matches", "flagged records match")}.</p>
      <div className="table-wrap">
        <table>
          <caption>Flagged records</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Record</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Flags</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.record_type}-${r.record_id}`}>
                <td>{fmtDateTime(r.occurred_at)}</td>
                <th scope="row">
                  <Link href={`${TYPE_PATHS[r.record_type]}/${r.record_id}`}>
                    {TYPE_LABELS[r.record_type]} #{r.record_id}
                  </Link>
                </th>
                <td>{r.who ?? "—"}</td>
                <td>{r.what ?? "—"}</td>
                <td>
                  <FlagChips rules={r.rules} />
                </td>
                <td>
                  <span className={styles.status}>{STATUS_LABELS[r.status ?? "none"] ?? r.status}</span>
                </td>
              </tr>
            ))}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={6}>Nothing matches these filters.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination
        path="/review"
        params={params}
        page={page}
        pageCount={Math.ceil(total / PAGE_SIZE)}
        label="Flagged records"
      />
    </>
  );
}
