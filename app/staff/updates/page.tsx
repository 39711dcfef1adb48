import Link from "next/link";
import { listAllUpdates } from "@/db/queries/staff/content";
import { requireRolePage } from "@/server/auth/dal";
import { formatInstant } from "@/lib/time";
import { city } from "@/lib/config/city";

export const dynamic = "force-dynamic";
export const metadata = { title: "Program updates · Staff" };

export default async function StaffUpdates() {
  await requireRolePage("staff", "admin");
  const updates = await listAllUpdates();
  const tz = city().timeZone;
  return (
    <>
      <h1>Program updates</h1>
      <p>
        <Link className="button" href="/staff/updates/new">
          Write an update
        </Link>
      </p>
      <div className="table-wrap">
        <table>
          <caption>All updates, most recently changed first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Program</th>
              <th scope="col">Status</th>
              <th scope="col">Goes public</th>
              <th scope="col">Author</th>
            </tr>
          </thead>
          <tbody>
            {updates.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/staff/updates/${u.id}`}>{u.title}</Link>
                </td>
                <td>{u.programName ?? "All programs"}</td>
                <td>{u.status}</td>
                <td>{u.publishAt ? formatInstant(u.publishAt, tz) : "—"}</td>
                <td>{u.author ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
