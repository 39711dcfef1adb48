import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-nav";
import { city } from "@/lib/config/city";
import { signOutAction } from "../signin/actions";

const sections = [
  { href: "/staff", label: "Overview" },
  { href: "/staff/updates", label: "Updates" },
  { href: "/staff/policies", label: "Policies" },
  { href: "/staff/costs", label: "Costs and milestones" },
  { href: "/staff/targets", label: "Targets and weights" },
  { href: "/staff/reports", label: "Annual reports" },
  { href: "/staff/rollout", label: "Rollout decisions" },
  { href: "/staff/well-being", label: "Well-being strategy" },
  { href: "/staff/meetings", label: "Meetings" },
  { href: "/staff/feedback", label: "Feedback" },
  { href: "/staff/call-types", label: "Call types" },
  { href: "/staff/cameras", label: "Cameras" },
];

// Each page checks the role itself (requireRolePage): a layout is not re-run on every navigation.
export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader cityName={city().name} />
      <div className="page">
        <nav aria-label="Staff" className="no-print">
          <ul className="nav-list" style={{ borderBottom: "1px solid var(--line)", paddingBottom: "0.5rem" }}>
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
            <li>
              <form action={signOutAction}>
                <button type="submit" className="secondary">
                  Sign out
                </button>
              </form>
            </li>
          </ul>
        </nav>
        <main id="main">{children}</main>
      </div>
    </>
  );
}
