import { SiteFooter, SiteHeader } from "@/components/layout/site-nav";
import { city } from "@/lib/config/city";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  const { name } = city();
  return (
    <>
      <SiteHeader cityName={name} />
      <main id="main" className="page">
        {children}
      </main>
      <SiteFooter cityName={name} />
    </>
  );
}
