// Placeholder until the demo generator lands.
import type { Db } from "../client";
export type SeedOptions = { scale: number; seed: number; ifEmpty?: boolean; reset?: boolean };
export async function seedDemo(_db: Db, _opts: SeedOptions): Promise<{ summary: string }> {
  throw new Error("the demo data generator is not written yet");
}
