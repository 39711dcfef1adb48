import { QueueNav } from "../../_components/queue-nav";
import { flattenParams } from "@/components/tables";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { getAccess } from "@/db/queries/review/access";
import { recordFindings, recordHistory, STATUS_LABELS } from "@/db/queries/review/common";
import { requireRolePage } from "@/server/auth/dal";
import { fmtDateTime, humanize, idParam } from "../../_lib/format";
import { auditView } from "../../_lib/view-audit";
import { FlagExplanations } from "../../_components/flag-list";
import { WorkflowPanel } from "../../_components/workflow-panel";
import styles from "../../review.module.css";

export const metadata: Metadata = { title: "Camera access record — Daylight review" };

export default async function AccessRecordPage({
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
  const r = await getAccess(db, id);
  if (!r) notFound();
  const [history, findings] = await Promise.all([
    recordHistory(db, "camera_access", id),
    recordFindings(db, "camera_access", id),
  ]);
  await auditView(user, { targetType: "camera_access", targetId: String(id) });
  return (
    <>
      <p>
        <Link href="/review/access">← All camera access</Link>
      </p>
      <QueueNav recordType="camera_access" recordId={id} params={flattenParams(await searchParams)} />
      <h1>Camera access #{r.id}</h1>
      <p>
        State: <span className={styles.status}>{STATUS_LABELS[r.status ?? "none"]}</span>
      </p>
      <h2>Why it is flagged</h2>
      <FlagExplanations flags={r.flags} />
      <h2>The record</h2>
      <dl className={styles.facts}>
        <dt>User</dt>
        <dd>
          <Link href={`/review/access/timeline?user=${r.personnelId}`}>{r.userName}</Link> ({humanize(r.userRole)})
        </dd>
        <dt>Agency</dt>
        <dd>{r.agencyName}</dd>
        <dt>Camera</dt>
        <dd>
          <Link href={`/review/access/timeline?camera=${r.cameraId}`}>{r.cameraName}</Link> — {r.cameraSite}
        </dd>
        <dt>Operation</dt>
        <dd>
          {humanize(r.operation)}
          {r.sharedWith ? `, shared with ${r.sharedWith}` : ""}
        </dd>
        <dt>Session</dt>
        <dd>
          {fmtDateTime(r.startedAt)} to {fmtDateTime(r.endedAt)}
        </dd>
        <dt>Footage window</dt>
        <dd>{r.footageStart ? `${fmtDateTime(r.footageStart)} to ${fmtDateTime(r.footageEnd)}` : "Live video"}</dd>
        <dt>Reason</dt>
        <dd>
          {humanize(r.reasonCode)}
          {r.reasonText ? `: ${r.reasonText}` : ""}
        </dd>
        <dt>Case number</dt>
        <dd>{r.caseNumber || <em>none given</em>}</dd>
        <dt>Client</dt>
        <dd>{r.clientApp ?? "—"}</dd>
        <dt>Source</dt>
        <dd>
          {r.source} / {r.externalId}
        </dd>
      </dl>
      <WorkflowPanel
        user={user}
        recordType="camera_access"
        recordId={r.id}
        rules={r.flags.map((f) => f.rule)}
        history={history}
        findings={findings}
      />
    </>
  );
}
