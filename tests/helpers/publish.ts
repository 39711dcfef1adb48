// Runs some publishers in one transaction the way runPublish does (rebuilt tables swapped in at
// the end), for tests that publish one dataset without a publication_runs row.
import type { Db } from "../../db/client";
import { ShadowTables } from "../../db/shadow";
import { pgcryptoSchema } from "../../server/publish/camera-sql";
import type { Publisher, PublishContext, PublisherResult } from "../../server/publish/types";
import { FULL } from "../../lib/publish/incremental";

export function runPublishers(
  db: Db,
  publishers: Publisher[],
  given: Omit<PublishContext, "tx" | "shadow" | "pgcrypto" | "scope">,
): Promise<PublisherResult[]> {
  return db.transaction(async (tx) => {
    const shadow = new ShadowTables(tx);
    const ctx = { ...given, scope: FULL("a test rebuilds"), pgcrypto: await pgcryptoSchema(tx) };
    const out: PublisherResult[] = [];
    for (const p of publishers) {
      const built = p.build ? await p.build({ ...ctx, tx, shadow }) : undefined;
      const parts: Record<string, unknown> = {};
      for (const [name, part] of Object.entries(p.parts ?? {})) parts[name] = await part({ ...ctx, tx, shadow });
      out.push(await p.run({ ...ctx, tx, shadow, built, parts }));
    }
    await shadow.swap();
    return out;
  });
}
