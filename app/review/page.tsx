import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FilterForm, flattenParams, Pagination, type SearchParams } from "@/components/tables";
import { getDb } from "@/db/client";
import { STATUS_LABELS } from "@/db/queries/review/common";
import { listPeople, queueFacets } from "@/db/queries/review/people";
import { listQueue, QUEUE_SORTS, QUEUE_STATUSES, queueCounts } from "@/db/queries/review/queue";
import { RULE_NAMES, RULE_TITLES, ruleTitle } from "@/lib/anomalies/types";
import { requireRolePage } from "@/server/auth/dal";
import { countOf } from "@/lib/format/plural";
import { bulkAddToFindingAction, bulkReviewAction } from "./actions";
import { unclosedFindings } from "@/db/queries/review/findings";
import { FINDING_STATUS_LABELS } from "@/lib/vocab";
import { enumParam, fmtDateTime, humanize, parseCommon } from "./_lib/format";
import { auditView } from "./_lib/view-audit";
import { FlagChips } from "./_components/flag-list";
import styles from "./review.module.css";

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
const OPERATION_WORDS: Record<string, [string, string]> = {
  live_view: ["live view", "live views"],
  playback: ["playback", "playbacks"],
  export: ["export", "exports"],
  share: ["share", "shares"],
  plate_search: ["plate search", "plate searches"],
  flight: ["flight", "flights"],
};
const PAGE_SIZE = 25;
const id = (v: string | undefined) => (v && /^\d{1,9}$/.test(v) ? Number(v) : undefined);

/** The query string of the queue as the reviewer sees it, for links that must come back to it. */
function qs(params: Record<string, string>, over: Record<string, string | undefined> = {}): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...params, ...over }))
    if (v !== undefined && v !== "" && k !== "done" && k !== "bulkError" && k !== "added") u.set(k, v);
  const s = u.toString();
  return s ? `?${s}` : "";
}

export default async function QueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const user = await requireRolePage("council", "auditor");
  const params = flattenParams(await searchParams);
  const common = parseCommon(params);
  const view = params.view === "records" ? "records" : "people";
  const filters = {
    rule: enumParam(params.rule, RULE_NAMES),
    recordType: enumParam(params.type, ["camera_access", "alpr_search", "drone_flight"] as const),
    status: enumParam(params.status, QUEUE_STATUSES),
    from: common.from,
    to: common.to,
    personnelId: id(params.person),
    agencyId: id(params.agency),
    cameraId: id(params.camera),
  };
  const sort = enumParam(params.sort, QUEUE_SORTS) ?? "score";
  const dir = params.dir === "asc" ? "asc" : "desc";
  const page = Math.max(1, Number(params.page) || 1);
  const db = await getDb();
  // The people list (the default view's slowest query) beside the counts and the filter menus.
  const [counts, facets, people] = await Promise.all([
    queueCounts(db),
    queueFacets(db),
    view === "people" ? listPeople(db, { filters, page, pageSize: PAGE_SIZE }) : null,
  ]);
  await auditView(user, { targetType: "review_queue", details: { filters: params } });
  const filterForm = (
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
          label: "Program",
          type: "select",
          options: Object.entries(TYPE_LABELS).map(([value, label]) => ({ value, label })),
        },
        { name: "person", label: "Person", type: "select", options: facets.people },
        { name: "agency", label: "Agency", type: "select", options: facets.agencies },
        { name: "camera", label: "Camera", type: "select", options: facets.cameras },
        { name: "from", label: "From", type: "date" },
        { name: "to", label: "To", type: "date" },
      ]}
    />
  );
  const header = (
    <>
      <h1>Flagged queue</h1>
      <p className="lede">
        Each flagged record has a risk score: the sum of its rules&apos; weights (as of the last flag recompute). The
        default view ranks people by the total of their records&apos; scores; open a person to see and triage their
        records.
      </p>
      <ul className="cards" aria-label="Flagged records by state">
        {QUEUE_STATUSES.map((s) => (
          <li key={s} className="card">
            <h3>{STATUS_LABELS[s]}</h3>
            <p className="metric">
              <Link href={`/review${qs(params, { status: s, page: undefined })}`}>
                {(counts[s] ?? 0).toLocaleString("en-US")}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      <nav aria-label="Queue view">
        <Link
          href={`/review${qs(params, { view: "people", page: undefined })}`}
          aria-current={view === "people" ? "page" : undefined}
        >
          By person
        </Link>{" "}
        ·{" "}
        <Link
          href={`/review${qs(params, { view: "records", page: undefined })}`}
          aria-current={view === "records" ? "page" : undefined}
        >
          All records
        </Link>
      </nav>
      {filterForm}
      {params.done ? (
        <p role="status">{countOf(Number(params.done) || 0, "record marked reviewed", "records marked reviewed")}.</p>
      ) : null}
      {params.added && /^\d+$/.test(params.added) ? (
        <p role="status">
          Added to <Link href={`/review/findings/${params.added}`}>finding #{params.added}</Link>.
        </p>
      ) : null}
      {params.bulkError ? (
        <p role="alert" className="error">
          {params.bulkError.slice(0, 200)}
        </p>
      ) : null}
    </>
  );

  if (people) {
    const { rows, total } = people;
    return (
      <>
        {header}
        <p>{countOf(total, "person has flagged records", "people have flagged records")} matching these filters.</p>
        <ol className={styles.people} aria-label="People by risk score" start={(page - 1) * PAGE_SIZE + 1}>
          {rows.map((r) => (
            <li key={r.personnelId} className="card">
              <h2>
                <Link
                  href={`/review${qs(params, { view: "records", person: String(r.personnelId), page: undefined, sort: "score" })}`}
                >
                  {r.name}
                </Link>{" "}
                <span className="muted">
                  {humanize(r.role)}, {r.agency}
                </span>
              </h2>
              <p>
                <strong>Score {r.score.toLocaleString("en-US")}</strong>:{" "}
                {countOf(r.records, "flagged record", "flagged records")} ({r.unreviewed.toLocaleString("en-US")} not
                reviewed), {fmtDateTime(r.first)} to {fmtDateTime(r.last)}.
              </p>
              <p>
                {r.operations
                  .map((o) => countOf(o.n, ...(OPERATION_WORDS[o.operation] ?? [o.operation, o.operation])))
                  .join(", ")}
                .
              </p>
              <ul className={styles.ruleCounts} aria-label={`Rules for ${r.name}`}>
                {r.rules.map((x) => (
                  <li key={x.rule}>
                    <Link
                      href={`/review${qs(params, { view: "records", person: String(r.personnelId), rule: x.rule, page: undefined })}`}
                    >
                      {x.n.toLocaleString("en-US")} × {ruleTitle(x.rule)}
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
          {rows.length === 0 ? <li>Nothing matches these filters.</li> : null}
        </ol>
        <Pagination
          path="/review"
          params={params}
          page={page}
          pageCount={Math.ceil(total / PAGE_SIZE)}
          label="People"
        />
      </>
    );
  }

  const { rows, total } = await listQueue(db, { filters, sort, dir, page, pageSize: PAGE_SIZE });
  const back = `/review${qs(params)}`;
  const open = await unclosedFindings(db);
  const sortLink = (s: (typeof QUEUE_SORTS)[number], label: string) => (
    <Link
      href={`/review${qs(params, { sort: s, dir: sort === s && dir === "desc" ? "asc" : "desc", page: undefined })}`}
      aria-current={sort === s ? "true" : undefined}
    >
      {label}
      {sort === s ? (dir === "desc" ? " ↓" : " ↑") : ""}
    </Link>
  );
  return (
    <>
      {header}
      <p>{countOf(total, "flagged record matches", "flagged records match")}.</p>
      <form id="bulk" action={bulkReviewAction}>
        <input type="hidden" name="back" value={back} />
        <button type="submit">Mark selected reviewed</button>
        <fieldset>
          <legend>Add the selected records to a finding</legend>
          <label htmlFor="bulk-finding">Finding</label>{" "}
          <select id="bulk-finding" name="finding" defaultValue="new">
            <option value="new">A new finding</option>
            {open.map((f) => (
              <option key={f.id} value={String(f.id)}>
                #{f.id}: {ruleTitle(f.findingType)} ({FINDING_STATUS_LABELS[f.status].toLowerCase()})
              </option>
            ))}
          </select>{" "}
          <label htmlFor="bulk-note">Describe a new finding</label>{" "}
          <input id="bulk-note" name="note" maxLength={4000} />{" "}
          <button type="submit" formAction={bulkAddToFindingAction}>
            Add selected to finding
          </button>
        </fieldset>
      </form>
      <div className="table-wrap">
        <table>
          <caption>Flagged records</caption>
          <thead>
            <tr>
              <th scope="col">Select</th>
              <th scope="col">{sortLink("score", "Score")}</th>
              <th scope="col">{sortLink("time", "When")}</th>
              <th scope="col">Record</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Flags</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const key = `${r.record_type}:${r.record_id}`;
              return (
                <tr key={key}>
                  <td>
                    <input
                      type="checkbox"
                      form="bulk"
                      name="records"
                      value={key}
                      aria-label={`Select ${TYPE_LABELS[r.record_type]} #${r.record_id}`}
                    />
                  </td>
                  <td>{r.score.toLocaleString("en-US")}</td>
                  <td>{fmtDateTime(r.occurred_at)}</td>
                  <th scope="row">
                    <Link href={`${TYPE_PATHS[r.record_type]}/${r.record_id}${qs(params, { from_queue: "1" })}`}>
                      {TYPE_LABELS[r.record_type]} #{r.record_id}
                    </Link>
                  </th>
                  <td>
                    {r.personnel_id ? (
                      <Link href={`/review${qs(params, { person: String(r.personnel_id), page: undefined })}`}>
                        {r.who}
                      </Link>
                    ) : (
                      "—"
                    )}
                    {r.agency ? <span className="muted"> · {r.agency}</span> : null}
                  </td>
                  <td>{r.what ?? "—"}</td>
                  <td>
                    <FlagChips rules={r.rules} />
                  </td>
                  <td>
                    <span className={styles.status}>{STATUS_LABELS[r.status ?? "none"] ?? r.status}</span>
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 ? (
              <tr>
                <td colSpan={8}>Nothing matches these filters.</td>
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
