import Link from "next/link";

export const publicSections = [
  { href: "/drones", label: "Drones" },
  { href: "/cameras", label: "Cameras" },
  { href: "/plate-readers", label: "Plate readers" },
  { href: "/cso", label: "Community Safety Officers" },
  { href: "/policies", label: "Policies" },
  { href: "/updates", label: "Updates" },
  { href: "/council", label: "Council" },
  { href: "/findings", label: "Findings" },
  { href: "/data", label: "Open data" },
  { href: "/feedback", label: "Feedback" },
] as const;

export function SiteHeader({ cityName }: { cityName: string }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link href="/" className="brand">
          <span className="brand__name">Daylight</span>
          <span className="brand__city">{cityName} public-safety technology oversight</span>
        </Link>
        {/* On phones the sections fold behind a "Menu" button (a <details>, so it works without
            scripts); on wider screens the summary is hidden and the list always shows. */}
        <nav aria-label="Main">
          <details className="nav-menu">
            <summary>Menu</summary>
            <ul className="nav-list">
              {publicSections.map((s) => (
                <li key={s.href}>
                  <Link href={s.href}>{s.label}</Link>
                </li>
              ))}
            </ul>
          </details>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter({ cityName }: { cityName: string }) {
  return (
    <footer className="site-footer">
      <p>
        Published by the {cityName} for residents, council members and independent reviewers. Records are generalized
        before publication: see <Link href="/data/methodology">how we protect privacy</Link>.
      </p>
      <p>
        <Link href="/feedback">Feedback and complaints</Link> · <Link href="/costs">Costs and milestones</Link> ·{" "}
        <Link href="/audit">Audit log checkpoints</Link> · <Link href="/signin">Staff sign-in</Link>
      </p>
    </footer>
  );
}
