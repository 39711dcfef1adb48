import { PublishingNotice } from "@/components/layout/publishing-notice";
import { SiteFooter, SiteHeader } from "@/components/layout/site-nav";
import { getLatestRun } from "@/db/queries/public/publication";
import { city } from "@/lib/config/city";

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const { name } = city();
  const published = (await getLatestRun()) !== null;
  return (
    <>
      <SiteHeader cityName={name} />
      <main id="main" className="page">
        {published ? children : <PublishingNotice />}
      </main>
      <SiteFooter cityName={name} />
    </>
  );
}
