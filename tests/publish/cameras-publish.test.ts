import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  pubCameraAccesses,
  pubBreakdowns,
  pubMetrics,
  pubCameras,
  pubPrivateCameraCounts,
  pubSharingAgreements,
} from "../../db/schema";
import { queryRows } from "../../db/sql";
import { publicIdSql } from "../../server/publish/camera-sql";
import { camerasPublisher } from "../../server/publish/cameras";
import { rules } from "../../lib/publish/rules";
import { publicId } from "../../lib/publish/rules/public-id";
import { pseudonym } from "../../lib/publish/rules/pseudonym";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { recoverBySubtraction } from "./attacker";
import { CAM_NOW, SECRETS, seedCameraFixture } from "./cameras-fixture";
import { runPublishers } from "../helpers/publish";
import { networkSummary } from "../../lib/cameras/networks";
import { CAMERA_NETWORKS } from "../../lib/vocab";

const KEY = "test-pseudonym-key-0123456789";
const TZ = "America/Los_Angeles";
let t: TestDb;
let fx: Awaited<ReturnType<typeof seedCameraFixture>>;

async function publish() {
  return (
    await runPublishers(t.db, [camerasPublisher], { runId: 1, asOf: CAM_NOW, rules, pseudonymKey: KEY, timeZone: TZ })
  )[0];
}

beforeAll(async () => {
  t = await createTestDb();
  fx = await seedCameraFixture(t.db);
  await publish();
});
afterAll(async () => t?.close());

describe(`camera publication (${dbMode})`, () => {
  it("computes the keyed public id in SQL exactly as the rules module does", async () => {
    const [r] = await queryRows<{ id: string }>(
      t.db,
      sql`select ${publicIdSql("acc", sql`${"test"}::text`, sql`${"A-17"}::text`, KEY)} as id`,
    );
    expect(r.id).toBe(publicId("acc", "test", "A-17", KEY));
  });

  it("publishes accesses only after the 7-day delay, rounded to the local hour", async () => {
    const rows = await t.db.select().from(pubCameraAccesses);
    const cutoff = CAM_NOW.getTime() - 7 * 86400_000;
    const expected = fx.events.filter((e) => e.endedAt.getTime() <= cutoff).length;
    expect(rows.length).toBe(expected);
    expect(expected).toBeLessThan(fx.events.length - 2);
    for (const r of rows) {
      expect(r.hour.getTime()).toBeLessThanOrEqual(cutoff);
      expect(r.hour.getUTCMinutes()).toBe(0);
      expect(r.hour.getUTCSeconds()).toBe(0);
    }
    const first = fx.events[0];
    const mine = rows.find((r) => r.publicId === publicId("acc", "test", "A-0", KEY))!;
    expect(mine.hour.getTime()).toBe(Math.floor(first.startedAt.getTime() / 3600_000) * 3600_000);
  });

  it("stores the log in (linked to a case, operation, hour) order, so its common filters read neighbouring pages", async () => {
    const stored = await queryRows<{ linked: boolean; operation: string; hour: Date }>(
      t.db,
      sql`select linked_to_case as linked, operation, hour from pub_camera_accesses order by ctid`,
    );
    expect(stored.length).toBeGreaterThan(10);
    const key = (r: (typeof stored)[number]) => `${r.linked ? 1 : 0}|${r.operation}|${new Date(r.hour).toISOString()}`;
    const keys = stored.map(key);
    expect(keys).toEqual([...keys].sort());
  });

  it("shows users only as stable keyed pseudonyms with role and agency, and case links as yes/no", async () => {
    const rows = await t.db.select().from(pubCameraAccesses);
    const byId = new Map(rows.map((r) => [r.publicId, r]));
    for (const e of fx.events.slice(0, 50)) {
      const r = byId.get(publicId("acc", "test", e.externalId, KEY));
      if (!r) continue;
      expect(r.user).toBe(pseudonym(e.personnelId, KEY));
      expect(r.linkedToCase).toBe(e.caseNumber !== null);
      expect(r.operation).toBe(e.operation);
    }
    // A free-text role from an import is published as the controlled "other".
    expect(byId.get(publicId("acc", "test", "A-5", KEY))!.userRole).toBe("other");
    await publish();
    const again = await t.db
      .select({ id: pubCameraAccesses.publicId, user: pubCameraAccesses.user })
      .from(pubCameraAccesses);
    expect(new Map(again.map((r) => [r.id, r.user]))).toEqual(new Map(rows.map((r) => [r.publicId, r.user])));
  });

  it("shows private cameras only as counts per area, never at their site", async () => {
    const inv = await t.db.select().from(pubCameras);
    expect(inv.map((c) => c.name).sort()).toEqual([
      "ALPR Main northbound",
      "City Hall plaza",
      "Harbor Blvd (transportation)",
      "Main St & 1st Ave",
    ]);
    expect(inv.find((c) => c.name === "Main St & 1st Ave")!.lat).toBe(33.8951);
    const counts = await t.db.select().from(pubPrivateCameraCounts);
    // Two private cameras in North: fewer than 11, so suppressed, and the total with it.
    expect(counts.find((c) => c.areaSlug === "north")).toMatchObject({ count: null, suppressed: true });
    expect(counts.find((c) => c.areaSlug === "*")).toMatchObject({ count: null, suppressed: true });
    expect(counts.find((c) => c.areaSlug === "south")).toMatchObject({ count: 0, suppressed: false });
    const priv = await t.db
      .select()
      .from(pubCameraAccesses)
      .where(sql`owner_class = 'private'`);
    expect(priv.length).toBeGreaterThan(0);
    for (const p of priv) {
      expect(p.place).toBe("private camera, North");
      expect(p.cameraPublicId).toBeNull();
    }
  });

  it("never publishes names, badges, case numbers, free text or private owners", async () => {
    const dump = JSON.stringify(
      await Promise.all(
        [pubCameras, pubCameraAccesses, pubPrivateCameraCounts, pubSharingAgreements, pubBreakdowns, pubMetrics].map(
          (tb) => t.db.select().from(tb),
        ),
      ),
    );
    for (const s of SECRETS) expect(dump).not.toContain(s);
    expect(dump).not.toContain("Senior Analyst");
  });

  it("suppresses small counts so that no hidden count can be recovered by subtraction", async () => {
    const rows = await t.db
      .select()
      .from(pubBreakdowns)
      .where(sql`dataset = 'cameras'`);
    for (const r of rows) if (r.count !== null) expect(r.count === 0 || r.count >= rules.minCount).toBe(true);
    for (const breakdown of ["week_operation", "week_reason", "week_case"]) {
      const b = rows.filter((r) => r.breakdown === breakdown);
      const rowKeys = [...new Set(b.filter((r) => r.key !== "*").map((r) => r.key))];
      const colKeys = [...new Set(b.filter((r) => r.key2 !== "*").map((r) => r.key2))];
      const get = (k: string, k2: string) => {
        const x = b.find((r) => r.key === k && r.key2 === k2)!;
        return { value: x.count, suppressed: x.suppressed };
      };
      const table = {
        cells: rowKeys.map((k) => colKeys.map((c) => get(k, c))),
        rowTotals: rowKeys.map((k) => get(k, "*")),
        colTotals: colKeys.map((c) => get("*", c)),
        total: get("*", "*"),
      };
      expect(
        table.cells.flat().some((c) => c.suppressed),
        `${breakdown} has small cells to protect`,
      ).toBe(true);
      expect(recoverBySubtraction(table)).toEqual([]);
    }
    for (const series of ["operation", "reason", "agency", "top_users"]) {
      const s = rows.filter((r) => r.breakdown === series && r.period === "last30");
      const cells = s.filter((r) => r.key !== "*").map((r) => ({ value: r.count, suppressed: r.suppressed }));
      const total = s.find((r) => r.key === "*")!;
      expect(
        recoverBySubtraction({ cells: [cells], rowTotals: [{ value: total.count, suppressed: total.suppressed }] }),
      ).toEqual([]);
    }
  });

  it("counts the accesses by their camera's area (rollout prioritization's surveillance factor), as the log holds them", async () => {
    const counted = new Map(
      (
        await queryRows<{ area: string; n: number }>(
          t.db,
          sql`select area_slug as area, count(*)::int as n from pub_camera_accesses where area_slug is not null group by 1`,
        )
      ).map((r) => [r.area, Number(r.n)]),
    );
    const rows = (await t.db.select().from(pubBreakdowns)).filter(
      (r) => r.dataset === "cameras" && r.breakdown === "area" && r.period === "since_launch" && r.key !== "*",
    );
    const areaSlugs = await queryRows<{ slug: string }>(t.db, sql`select slug from areas`);
    expect(rows.map((r) => r.key).sort()).toEqual(areaSlugs.map((a) => a.slug).sort());
    const shown = rows.filter((r) => !r.suppressed);
    expect(shown.length).toBeGreaterThan(0);
    for (const r of shown) expect(r.count, r.key).toBe(counted.get(r.key) ?? 0);
    for (const r of rows.filter((x) => x.suppressed)) expect(r.count).toBeNull();
  });

  it("ranks the busiest pseudonymous user first and reports headline metrics", async () => {
    const top = await t.db
      .select()
      .from(pubBreakdowns)
      .where(sql`dataset = 'cameras' and breakdown = 'top_users' and period = 'since_launch'`)
      .orderBy(pubBreakdowns.ord);
    expect(top[0].key).toBe(pseudonym(fx.people[1].id, KEY));
    const m = await t.db
      .select()
      .from(pubMetrics)
      .where(sql`dataset = 'cameras' and period = 'since_launch'`);
    const val = (k: string) => m.find((x) => x.metric === k)!.value;
    const published = fx.events.filter((e) => e.endedAt.getTime() <= CAM_NOW.getTime() - 7 * 86400_000);
    expect(val("accesses")).toBe(published.length);
    const linked = published.filter((e) => e.caseNumber !== null).length;
    expect(val("share_linked_to_case")).toBeCloseTo(linked / published.length, 3);
  });

  it("publishes which cameras are connected to the crime center, since when and under which agreement", async () => {
    await t.db.execute(sql`update cameras set integrated = true, integrated_on = '2025-06-01',
      integration_agreement = 'Traffic camera video-sharing agreement' where name = 'Harbor Blvd (transportation)'`);
    await t.db.execute(sql`update cameras set integrated = false, integrated_on = null, integration_agreement = null
      where name = 'City Hall plaza'`);
    await publish();
    const inv = await t.db.select().from(pubCameras);
    expect(inv.find((c) => c.name === "Harbor Blvd (transportation)")).toMatchObject({
      integrated: true,
      integratedOn: "2025-06-01",
      integrationAgreement: "Traffic camera video-sharing agreement",
    });
    expect(inv.find((c) => c.name === "City Hall plaza")).toMatchObject({ integrated: false, integratedOn: null });
    // The per-network summary from the published rows counts what the raw table holds.
    const raw = await queryRows<{ network: string; n: number; connected: number }>(
      t.db,
      sql`select network, count(*)::int as n, count(*) filter (where integrated)::int as connected
          from cameras where owner <> 'private' and status = 'active' and kind <> 'plate_reader' group by network`,
    );
    const priv = await t.db.select().from(pubPrivateCameraCounts);
    const summary = networkSummary(
      inv.filter((c) => c.kind !== "plate_reader"),
      priv,
      CAMERA_NETWORKS,
    );
    for (const r of raw)
      expect(summary.find((x) => x.network === r.network)).toMatchObject({ cameras: r.n, integrated: r.connected });
    // Private cameras: the published (suppressed) total, never a raw count.
    expect(summary.find((x) => x.network === "private_business")).toMatchObject({ cameras: null, integrated: null });
  });
});
