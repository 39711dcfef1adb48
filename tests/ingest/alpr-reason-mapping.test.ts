// Plate-reader search reasons go through the same call-type mapping as drone call types: mapped
// reasons get their category at import, the rest are "unclassified" and listed for staff with
// counts and examples; mapping one re-derives every affected search (no re-import), and the
// published searches and their purpose breakdown use the category ("protected" when sensitive).
import { describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { alprSearches, auditLog, pubAlprSearches, pubBreakdowns } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { listUnmapped } from "../../db/queries/staff/call-types";
import { mapCallType } from "../../server/content/call-types";
import { runPublish } from "../../server/publish/run";
import { city } from "../../lib/config/city";
import { queryRows } from "../../db/sql";
import { dbMode, type TestDb } from "../helpers/db";
import { readFileSync } from "node:fs";
import { fixture, options, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const FILE = "alpr-portal-reasons.csv";
const actor = { actorType: "user" as const, actorId: "7", actorLabel: "Staff Tester" };
// The demo city's pilot starts a year before today: the fixture's searches are moved to three weeks
// ago (keeping their times of day), so they fall inside "since launch" and past the 7-day delay.
const asOf = new Date();
const day = (n: number) => new Date(asOf.getTime() - n * 86400_000).toISOString().slice(0, 10);
const text = readFileSync(fixture(FILE), "utf8").replace(/2025-10-0(\d)/g, (_, d: string) => day(25 - Number(d)));
const searches = () =>
  t.db
    .select({ id: alprSearches.externalId, category: alprSearches.category })
    .from(alprSearches)
    .orderBy(asc(alprSearches.externalId));
const publish = () =>
  runPublish(t.db, {
    pseudonymKey: "test-pseudonym-key-0123456789",
    timeZone: city().timeZone,
    trigger: "test",
    asOf,
  });
const published = async () =>
  (await t.db.select({ reason: pubAlprSearches.reason }).from(pubAlprSearches)).map((r) => r.reason).sort();
const reasonBreakdown = async () =>
  Object.fromEntries(
    (
      await t.db
        .select()
        .from(pubBreakdowns)
        .where(
          and(
            eq(pubBreakdowns.dataset, "alpr"),
            eq(pubBreakdowns.breakdown, "reason"),
            eq(pubBreakdowns.period, "since_launch"),
          ),
        )
    )
      .filter((r) => r.key !== "*")
      .map((r) => [r.key, r.label]),
  );

describe(`plate-reader search reasons through the call-type mapping (${dbMode})`, () => {
  it("categorizes mapped reasons at import and leaves the rest unclassified, reported", async () => {
    expect(text).not.toContain("2025-10");
    const r = await importFile(t.db, [text], options("alpr_searches", FILE));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: "succeeded", format: "alpr-search-audit", inserted: 6 });
    expect(r.unmapped).toEqual([
      { value: "Daytime search for best result", count: 2 },
      { value: "DV suspect vehicle", count: 1 },
    ]);
    expect((await searches()).map((s) => s.category)).toEqual([
      "investigation",
      "stolen_vehicle",
      "unclassified",
      "unclassified",
      "stolen_vehicle",
      "unclassified",
    ]);
  });

  it("lists the unmapped reasons for staff with counts per source and examples", async () => {
    const u = await listUnmapped({ db: t.db });
    expect(u).toEqual([
      {
        scope: "alpr",
        key: "daytime search for best result",
        examples: expect.arrayContaining(["Daytime search for best result", "daytime search  for best result"]),
        flights: 0,
        csoCalls: 0,
        searches: 2,
        total: 2,
      },
      {
        scope: "alpr",
        key: "dv suspect vehicle",
        examples: ["DV suspect vehicle"],
        flights: 0,
        csoCalls: 0,
        searches: 1,
        total: 1,
      },
    ]);
  });

  it("publishes the category as the search purpose, unmapped ones as not yet classified", async () => {
    expect(await publish()).toBeTruthy();
    expect(await published()).toEqual([
      "investigation",
      "stolen_vehicle",
      "stolen_vehicle",
      "unclassified",
      "unclassified",
      "unclassified",
    ]);
    const dump = JSON.stringify(await t.db.select().from(pubAlprSearches));
    expect(dump).not.toContain("Daytime search");
    expect(dump).not.toContain("UUV");
    expect(await reasonBreakdown()).toMatchObject({
      investigation: "Criminal investigation",
      stolen_vehicle: "Stolen vehicle",
      unclassified: "Not yet classified",
    });
  });

  it("re-derives every affected search when staff map a reason, audited; a sensitive category publishes as protected", async () => {
    const a = await mapCallType(t.db, actor, "Daytime search for best result", "investigation");
    expect(a).toMatchObject({ ok: true, key: "daytime search for best result", searches: 2, flights: 0 });
    const b = await mapCallType(t.db, actor, "DV suspect vehicle", "domestic_violence");
    expect(b).toMatchObject({ ok: true, searches: 1 });
    expect((await searches()).map((s) => s.category)).toEqual([
      "investigation",
      "stolen_vehicle",
      "investigation",
      "investigation",
      "stolen_vehicle",
      "domestic_violence",
    ]);
    expect(await listUnmapped({ db: t.db })).toEqual([]);
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "call_type.map"), eq(auditLog.targetId, "daytime search for best result")));
    expect(audit[0]?.details).toMatchObject({ from: null, to: "investigation", searches: 2 });

    expect(await publish()).toBeTruthy();
    expect(await published()).toEqual([
      "investigation",
      "investigation",
      "investigation",
      "protected",
      "stolen_vehicle",
      "stolen_vehicle",
    ]);
    const bd = await reasonBreakdown();
    expect(bd).toMatchObject({ investigation: "Criminal investigation", protected: "Protected call type" });
    expect(bd).not.toHaveProperty("unclassified");
    expect(bd).not.toHaveProperty("domestic_violence");
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pub_alpr_searches where reason = 'protected'`,
    );
    expect(Number(n)).toBe(1);
  });
});
