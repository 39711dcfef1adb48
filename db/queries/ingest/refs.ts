import "server-only";
// Resolving names in an import to rows: agencies, people and cameras by lower(trim(name)) (the
// name_key columns), categories through the call-type mapping table, areas and docks by name or
// location. Loaded once per import and cached; new rows are created only when the format says so.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../client";
import { agencies, areas, callCategories, callTypeMappings, cameras, droneDocks, personnel } from "../../schema";
import { callTypeKey, UNCLASSIFIED, type MappingScope } from "../../../lib/ingest/call-type-map";
import { haversineM, inGeometry, type LonLat } from "../../../lib/ingest/geo";
import { plateHmac } from "../../../lib/ingest/plate";

export const nameKey = (s: string) => s.trim().toLowerCase();

export class RefError extends Error {
  /** The record field the problem is about, filled in by the writer. */
  field?: string;
}

/** Runs a lookup and tags a failure with the field it was for. */
export async function about<T>(field: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof RefError) e.field ??= field;
    throw e;
  }
}

type Area = {
  id: number;
  slug: string;
  name: string;
  boundary: { type: "Polygon" | "MultiPolygon"; coordinates: unknown };
};
type Dock = { id: number; slug: string; name: string; lat: number; lon: number };

export type CameraHint = { site?: string; lat?: number; lon?: number; agency?: string };

export class Refs {
  private agencies = new Map<string, number>();
  private people = new Map<string, { id: number; role: string }>();
  private cameras = new Map<string, number>();
  private categories = new Map<string, { code: string; sensitive: boolean }>();
  private mappings = new Map<string, string>();
  /** Raw call types this import found no mapping for: key → first spelling seen and row count. */
  readonly unmapped = new Map<string, { value: string; count: number }>();
  private areaList: Area[] = [];
  private docks: Dock[] = [];
  /** Cameras this import added without a location. */
  private unlocated: string[] = [];
  /** Rows this import created, by kind, for the report. */
  readonly created = { agencies: 0, personnel: 0, cameras: 0 };

  private constructor(
    private tx: DbOrTx,
    readonly defaultAgency: string,
    private pseudonymKey?: string,
  ) {}

  static async load(tx: DbOrTx, defaultAgency: string, pseudonymKey?: string): Promise<Refs> {
    const r = new Refs(tx, defaultAgency, pseudonymKey);
    for (const a of await tx.select({ id: agencies.id, key: agencies.nameKey }).from(agencies))
      r.agencies.set(a.key, a.id);
    for (const p of await tx
      .select({
        id: personnel.id,
        agencyId: personnel.agencyId,
        key: personnel.nameKey,
        ext: personnel.externalId,
        role: personnel.role,
      })
      .from(personnel)) {
      r.people.set(`${p.agencyId}|${p.key}`, { id: p.id, role: p.role });
      if (p.ext) r.people.set(`${p.agencyId}|#${nameKey(p.ext)}`, { id: p.id, role: p.role });
    }
    for (const c of await tx.select({ id: cameras.id, key: cameras.nameKey }).from(cameras)) r.cameras.set(c.key, c.id);
    for (const c of await tx.select().from(callCategories)) {
      const v = { code: c.code, sensitive: c.sensitive };
      r.categories.set(callTypeKey(c.code), v);
      r.categories.set(callTypeKey(c.label), v);
    }
    for (const m of await tx.select().from(callTypeMappings)) r.mappings.set(`${m.scope}|${m.key}`, m.category);
    r.areaList = await tx
      .select({ id: areas.id, slug: areas.slug, name: areas.name, boundary: areas.boundary })
      .from(areas);
    r.docks = await tx
      .select({
        id: droneDocks.id,
        slug: droneDocks.slug,
        name: droneDocks.name,
        lat: droneDocks.lat,
        lon: droneDocks.lon,
      })
      .from(droneDocks);
    return r;
  }

  async agency(name: string | undefined, create: boolean): Promise<number> {
    const display = (name ?? "").trim() || this.defaultAgency;
    const key = nameKey(display);
    const hit = this.agencies.get(key);
    if (hit !== undefined) return hit;
    if (!create) throw new RefError(`agency "${display}" is not known`);
    const kind = key === nameKey(this.defaultAgency) ? "city" : "other";
    const [row] = await this.tx
      .insert(agencies)
      .values({ name: display, nameKey: key, kind })
      .onConflictDoUpdate({ target: agencies.nameKey, set: { nameKey: sql`excluded.name_key` } })
      .returning({ id: agencies.id });
    this.created.agencies++;
    this.agencies.set(key, row.id);
    return row.id;
  }

  /** A person within an agency, by name (or by the vendor's user id, kept as external_id). */
  async person(agencyId: number, name: string, create: boolean, role = "other"): Promise<{ id: number; role: string }> {
    const key = nameKey(name);
    const hit = this.people.get(`${agencyId}|${key}`) ?? this.people.get(`${agencyId}|#${key}`);
    if (hit) return hit;
    if (!create) throw new RefError(`person "${name.trim()}" is not known`);
    const [row] = await this.tx
      .insert(personnel)
      .values({ displayName: name.trim(), nameKey: key, agencyId, role: role as "other" })
      .onConflictDoUpdate({ target: [personnel.agencyId, personnel.nameKey], set: { nameKey: sql`excluded.name_key` } })
      .returning({ id: personnel.id, role: personnel.role });
    this.created.personnel++;
    this.people.set(`${agencyId}|${key}`, row);
    return row;
  }

  async camera(name: string, create: boolean, hint: CameraHint = {}): Promise<number> {
    const key = nameKey(name);
    const hit = this.cameras.get(key);
    if (hit !== undefined) return hit;
    if (!create) throw new RefError(`camera "${name.trim()}" is not in the camera inventory (import cameras first)`);
    // An access record is never dropped for a camera's missing location: the camera is added with
    // its location unknown, and staff see it under /staff/cameras until they give one.
    const located = hint.lat !== undefined && hint.lon !== undefined;
    if (!located) this.unlocated.push(name.trim());
    const ownerAgencyId = await this.agency(hint.agency, true);
    const own = nameKey(hint.agency ?? this.defaultAgency) === nameKey(this.defaultAgency);
    const [row] = await this.tx
      .insert(cameras)
      .values({
        name: name.trim(),
        nameKey: key,
        kind: "fixed",
        owner: own ? "city" : "other_agency",
        ownerAgencyId,
        siteName: hint.site?.trim() || name.trim(),
        lat: located ? hint.lat : null,
        lon: located ? hint.lon : null,
        areaId: located ? this.areaAt([hint.lon!, hint.lat!]) : null,
      })
      // Another import may add the same camera at the same moment: take its row.
      .onConflictDoUpdate({ target: cameras.nameKey, set: { nameKey: sql`excluded.name_key` } })
      .returning({ id: cameras.id });
    this.created.cameras++;
    this.cameras.set(key, row.id);
    return row.id;
  }

  /** A licence plate as its keyed HMAC (the plate itself is never stored). */
  plate(raw: string | undefined): string | null {
    if (!raw) return null;
    if (!this.pseudonymKey) throw new RefError("a licence plate can be kept only as a keyed hash: no pseudonym key");
    return plateHmac(raw, this.pseudonymKey);
  }

  /** Warnings for the import report. */
  warnings(): string[] {
    const n = this.unlocated.length;
    if (n === 0) return [];
    const names = this.unlocated
      .slice(0, 5)
      .map((c) => `"${c}"`)
      .join(", ");
    return [
      `${n} camera${n === 1 ? " was" : "s were"} not in the inventory and added with location unknown (${names}${n > 5 ? ", …" : ""}); give ${n === 1 ? "its location" : "their locations"} at /staff/cameras or import the camera inventory.`,
    ];
  }

  /** Forget a camera id after the inventory import rewrote it (keeps the cache honest). */
  rememberCamera(name: string, id: number): void {
    this.cameras.set(nameKey(name), id);
  }

  /**
   * Category from an explicit code, else the raw call type through the call_type_mappings table.
   * A raw value with no mapping is not an error: the row is "unclassified" until staff map it.
   */
  category(
    raw: string | undefined,
    explicit: string | undefined,
    scope: Exclude<MappingScope, "*">,
  ): { code: string; sensitive: boolean } {
    if (explicit) {
      const c = this.categories.get(callTypeKey(explicit));
      if (!c) throw new RefError(`category "${explicit}" is not a known call category`);
      return c;
    }
    const key = raw ? callTypeKey(raw) : "";
    if (key) {
      const direct = this.categories.get(key) ?? this.categories.get(key.replace(/ /g, "_"));
      if (direct) return direct;
      // The dataset's own mapping first, then one for every dataset.
      const mapped = this.mappings.get(`${scope}|${key}`) ?? this.mappings.get(`*|${key}`);
      const c = mapped ? this.categories.get(callTypeKey(mapped)) : undefined;
      if (c) return c;
    }
    const unclassified = this.categories.get(UNCLASSIFIED);
    if (!unclassified)
      throw new RefError(
        `call type "${raw ?? ""}" has no category and the database has no "${UNCLASSIFIED}" category (run daylight setup)`,
      );
    const seen = this.unmapped.get(key);
    if (seen) seen.count++;
    else this.unmapped.set(key, { value: (raw ?? "").trim(), count: 1 });
    return unclassified;
  }

  /** A plate-reader search's category from its raw reason, as category() does; null when there are no categories. */
  searchCategory(reason: string | undefined): string | null {
    if (!this.categories.has(UNCLASSIFIED)) return null;
    return this.category(reason, undefined, "alpr").code;
  }

  area(name: string | undefined, at: LonLat | undefined): number | null {
    if (name) {
      const key = nameKey(name);
      const a = this.areaList.find((x) => x.slug === key || nameKey(x.name) === key);
      if (a) return a.id;
    }
    return at ? this.areaAt(at) : null;
  }

  areaAt(at: LonLat): number | null {
    return this.areaList.find((a) => inGeometry(at, a.boundary))?.id ?? null;
  }

  /** A dock by slug or name; else the dock within 500 m of the takeoff point. */
  dock(name: string | undefined, takeoff: LonLat | undefined): number | null {
    if (name) {
      const key = nameKey(name);
      const d = this.docks.find((x) => x.slug === key || nameKey(x.name) === key);
      if (!d) throw new RefError(`dock "${name}" is not known`);
      return d.id;
    }
    if (!takeoff) return null;
    let best: Dock | undefined;
    let bestM = 500;
    for (const d of this.docks) {
      const m = haversineM(takeoff, [d.lon, d.lat]);
      if (m <= bestM) [best, bestM] = [d, m];
    }
    return best?.id ?? null;
  }
}
