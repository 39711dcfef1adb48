// The <title> of a drones page from the "Drones" messages, in the reader's language.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export function dronesTitle(key: "log.title" | "flight.title"): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations("Drones"))(key) });
}
