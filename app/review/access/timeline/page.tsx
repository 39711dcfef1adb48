import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { flattenParams, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { accessFilterOptions, allAccess } from "@/db/queries/review/access";
import { requireRolePage } from "@/server/auth/dal";
import { accessFiltersFrom } from "../../_lib/access-filters";
import { fmtDay, fmtTime, humanize } from "../../_lib/format";
import { auditView } from "../../_lib/view-audit";
import styles from "../../review.module.css";
import { countOf } from "@/lib/format/plural";

export const metadata: Metadata = { title: "Access timeline — Daylight review" };
const LIMIT = 2000;

/** One user's or one camera's accesses in time order, grouped by day. */
export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const params = flattenParams(await searchParams);
  const { filters } = accessFiltersFrom(params);
  const db = await getDb();
  const opts = await accessFilterOptions(db);
  const subject = filters.personnelId
    ? `user ${opts.people.find((p) => p.id === filters.personnelId)?.name ?? `#${filters.personnelId}`}`
    : filters.cameraId
      ? `camera ${opts.cameras.find((c) => c.id === filters.cameraId)?.name ?? `#${filters.cameraId}`}`
      : null;
  if (!subject) {
    return (
      <>
        <h1>Access timeline</h1>
        <p>
          Choose a user or a camera from the <Link href="/review/access">camera access list</Link> to see their
          timeline.
        </p>
      </>
    );
  }
  const rows = await allAccess(db, filters, LIMIT);
  await auditView(user, { targetType: "camera_access", details: { timeline: true, filters: params } });
  const days = new Map<string, typeof rows>();
  for (const r of rows) days.set(fmtDay(r.startedAt), [...(days.get(fmtDay(r.startedAt)) ?? []), r]);
  return (
    <>
      <p>
        <Link href="/review/access">← All camera access</Link>
      </p>
      <h1>Timeline of {subject}</h1>
      <p className="lede">
        {countOf(rows.length, "access", "accesses")}
        {rows.length === LIMIT ? ` (the first ${LIMIT}; narrow the dates to see more)` : ""}, oldest first, on{" "}
        {countOf(days.size, "day", "days")}.
      </p>
      <form method="get" action="/review/access/timeline">
        {filters.personnelId ? <input type="hidden" name="user" value={filters.personnelId} /> : null}
        {filters.cameraId ? <input type="hidden" name="camera" value={filters.cameraId} /> : null}
        <label htmlFor="tl-from">From</label>{" "}
        <input id="tl-from" type="date" name="from" defaultValue={params.from ?? ""} />{" "}
        <label htmlFor="tl-to">To</label> <input id="tl-to" type="date" name="to" defaultValue={params.to ?? ""} />{" "}
        <button type="submit">Show</button>
      </form>
      {[...days.entries()].map(([day, list]) => (
        <section key={day} aria-label={day}>
          <h2>
            {day} <span className="muted">({list.length})</span>
          </h2>
          <ol className={styles.timeline}>
            {list.map((r) => (
              <li key={r.id}>
                <Link href={`/review/access/${r.id}`}>{fmtTime(r.startedAt)}</Link>{" "}
                {filters.personnelId ? r.cameraName : r.userName} — {humanize(r.operation)}, {humanize(r.reasonCode)},
                case {r.caseNumber || <em>none</em>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
