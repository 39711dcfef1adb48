import Link from "next/link";
import { SiteHeader } from "@/components/layout/site-nav";
import { currentUser } from "@/server/auth/dal";
import { city } from "@/lib/config/city";
import { signOutAction, signOutEverywhereAction } from "../signin/actions";
import styles from "./review.module.css";

const sections = [
  { href: "/review", label: "Flagged queue" },
  { href: "/review/access", label: "Camera access" },
  { href: "/review/flights", label: "Drone flights" },
  { href: "/review/alpr", label: "Plate searches" },
  { href: "/review/findings", label: "Findings" },
];

// Each page checks the role itself (requireRolePage): a layout is not re-run on every navigation.
export default async function ReviewLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  const reviewer = user && (user.role === "council" || user.role === "auditor");
  return (
    <>
      <SiteHeader cityName={city().name} />
      <div className="page">
        {reviewer ? (
          <div className={`${styles.bar} no-print`}>
            <nav aria-label="Review area">
              <ul className="nav-list">
                {sections.map((s) => (
                  <li key={s.href}>
                    <Link href={s.href}>{s.label}</Link>
                  </li>
                ))}
                {user.role === "auditor" ? (
                  <li>
                    <Link href="/review/audit">Audit log</Link>
                  </li>
                ) : null}
              </ul>
            </nav>
            <div className={styles.user}>
              <span>
                Signed in as <strong>{user.name}</strong> ({user.role})
              </span>
              <form action={signOutAction}>
                <button type="submit" className="secondary">
                  Sign out
                </button>
              </form>
              <form action={signOutEverywhereAction}>
                <button type="submit" className="secondary">
                  Sign out everywhere
                </button>
              </form>
            </div>
          </div>
        ) : null}
        <main id="main">{children}</main>
      </div>
    </>
  );
}
