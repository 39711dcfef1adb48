import "server-only";
// After staff change something the public pages show: pages rendered per request re-render on
// their next request, and a publication follows, because whole public pages are cached per
// publication (proxy.ts) and the annual reports and some counts are published tables. Called
// after the change commits, never inside its transaction.
import { revalidatePath } from "next/cache";
import { publishSoon } from "./jobs";

export function publicContentChanged(trigger: string): void {
  revalidatePath("/", "layout");
  void publishSoon(trigger);
}
