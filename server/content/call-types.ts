import "server-only";
// Mapping a raw call type to a category: saves the mapping, re-derives every affected raw row
// (no re-import) and writes the audit entry, in one transaction.
import type { DbOrTx } from "@/db/client";
import { listCategories, mappingFor, recategorize, saveMapping } from "@/db/queries/staff/call-types";
import { appendAudit, type ActorType } from "@/server/audit/log";
import { callTypeKey, UNCLASSIFIED, type MappingScope } from "@/lib/ingest/call-type-map";

export type MapActor = { actorType: ActorType; actorId?: string; actorLabel: string; ip?: string };

export type MapResult =
  | {
      ok: true;
      scope: MappingScope;
      key: string;
      category: string;
      label: string;
      flights: number;
      csoCalls: number;
      searches: number;
    }
  | { ok: false; message: string };

/** scope: the dataset the mapping applies to (the staff page saves one per dataset); "*" every dataset. */
export async function mapCallType(
  db: DbOrTx,
  actor: MapActor,
  raw: string,
  category: string,
  scope: MappingScope = "*",
): Promise<MapResult> {
  const key = callTypeKey(raw);
  if (!key) return { ok: false, message: "Rows with no call type at all stay unclassified: there is nothing to map." };
  const cats = await listCategories({ db });
  const target = cats.find((c) => c.code === category);
  if (!target || target.code === UNCLASSIFIED) return { ok: false, message: "Choose one of the call categories." };
  const clash = cats.find((c) => callTypeKey(c.code) === key || callTypeKey(c.label) === key);
  if (clash) return { ok: false, message: `"${raw}" is the name of the category "${clash.label}" already.` };
  return db.transaction(async (tx) => {
    const from = await mappingFor(tx, scope, key);
    await saveMapping(tx, scope, key, target.code);
    const n = await recategorize(tx, { scope, key, category: target.code, from });
    await appendAudit(tx, {
      ...actor,
      action: "call_type.map",
      targetType: "call_type_mapping",
      targetId: scope === "*" ? key : `${scope}:${key}`,
      details: {
        scope,
        from,
        to: target.code,
        sensitive: target.sensitive,
        flights: n.flights,
        csoCalls: n.csoCalls,
        searches: n.searches,
      },
    });
    return { ok: true as const, scope, key, category: target.code, label: target.label, ...n };
  });
}
