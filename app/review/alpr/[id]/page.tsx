import { QueueNav } from "../../_components/queue-nav";
import { flattenParams } from "@/components/tables";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getAlpr } from "@/db/queries/review/alpr";
import { recordFindings, recordHistory, STATUS_LABELS } from "@/db/queries/review/common";
import { requireRolePage } from "@/server/auth/dal";
import { fmtDateTime, humanize, idParam } from "../../_lib/format";
import { auditView } from "../../_lib/view-audit";
import { FlagExplanations } from "../../_components/flag-list";
import { WorkflowPanel } from "../../_components/workflow-panel";
import styles from "../../review.module.css";

export const metadata: Metadata = { title: "Plate search — Daylight review" };

export default async function AlprRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const id = idParam((await params).id);
  if (!id) notFound();
  const db = await getDb();
  const r = await getAlpr(db, id);
  if (!r) notFound();
  const [history, findings] = await Promise.all([
    recordHistory(db, "alpr_search", id),
    recordFindings(db, "alpr_search", id),
  ]);
  await auditView(user, { targetType: "alpr_search", targetId: String(id) });
  return (
    <>
      <p>
        <Link href="/review/alpr">← All plate searches</Link>
      </p>
      <QueueNav recordType="alpr_search" recordId={id} params={flattenParams(await searchParams)} />
      <h1>Plate search #{r.id}</h1>
      <p>
        State: <span className={styles.status}>{STATUS_LABELS[r.status ?? "none"]}</span>
      </p>
      <h2>Why it is flagged</h2>
      <FlagExplanations flags={r.flags} />
      <h2>The search</h2>
      <dl className={styles.facts}>
        <dt>When</dt>
        <dd>{fmtDateTime(r.searchedAt)}</dd>
        <dt>User</dt>
        <dd>{r.userName}</dd>
        <dt>Agency</dt>
        <dd>
          {r.agencyName} ({humanize(r.agencyKind)})
        </dd>
        <dt>Reason</dt>
        <dd>{r.reason}</dd>
        <dt>Offense type</dt>
        <dd>{r.offenseType ?? "—"}</dd>
        <dt>Case number</dt>
        <dd>{r.caseNumber || <em>none given</em>}</dd>
        <dt>Networks searched</dt>
        <dd>
          {r.networkCount}
          {r.networks?.length ? `: ${r.networks.join(", ")}` : ""}
        </dd>
        <dt>Source</dt>
        <dd>
          {r.source} / {r.externalId}
        </dd>
      </dl>
      <WorkflowPanel
        user={user}
        recordType="alpr_search"
        recordId={r.id}
        rules={r.flags.map((f) => f.rule)}
        history={history}
        findings={findings}
      />
    </>
  );
}
