import { SiteHeader } from "@/components/layout/site-nav";
import { city } from "@/lib/config/city";

export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader cityName={city().name} />
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
