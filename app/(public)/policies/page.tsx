import Link from "next/link";
import { connection } from "next/server";
import { listCurrentPolicies } from "@/db/queries/public/content";
import { formatDate } from "@/lib/format/numbers";
import { Tr, pageTitle } from "@/i18n/tr";

export const generateMetadata = pageTitle("policies.title");

export default async function PoliciesPage() {
  await connection();
  const policies = await listCurrentPolicies();
  return (
    <>
      <h1>
        <Tr k="policies.h1" />
      </h1>
      <p className="lede">
        The rules each technology must follow: what it may and may not be used for, what data it collects, how long it
        is kept, who may see it, who it is shared with, and how use is checked. Every version is kept, and you can
        compare any two.
      </p>
      <div className="table-wrap">
        <table>
          <caption>Policies in force</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Program</th>
              <th scope="col">Version</th>
              <th scope="col">In effect since</th>
              <th scope="col">Adopted by</th>
              <th scope="col" className="num">
                Versions
              </th>
            </tr>
          </thead>
          <tbody>
            {policies.map(({ current: p, versions }) => (
              <tr key={p.slug}>
                <td>
                  <Link href={`/policies/${p.slug}`}>{p.title}</Link>
                </td>
                <td>{p.programName ?? "—"}</td>
                <td>{p.version}</td>
                <td>{formatDate(p.effectiveDate)}</td>
                <td>{p.adoptedBy}</td>
                <td className="num">{versions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link href="/feedback/new?target=program:drones">Send feedback about a policy</Link>
      </p>
    </>
  );
}
