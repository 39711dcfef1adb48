// Camera access imports: the video-platform audit export and the portal's canonical CSV.
import { describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { agencies, auditLog, cameraAccessEvents, cameras, importRuns, personnel } from "../../db/schema";
import { importFile } from "../../server/ingest/import-file";
import { listCamerasWithoutLocation } from "../../db/queries/staff/call-types";
import { reportLines } from "../../lib/ingest/report";
import { dbMode, type TestDb } from "../helpers/db";
import { options, stream, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

const count = async (table: typeof cameraAccessEvents | typeof cameras | typeof personnel | typeof agencies) =>
  Number((await t.db.select({ n: sql<number>`count(*)` }).from(table))[0].n);

describe(`camera access import (${dbMode})`, () => {
  it("reads a real-world audit export: BOM, CRLF, quoted commas and newlines, blank and empty rows", async () => {
    const r = await importFile(t.db, stream("vms-audit.csv"), options("camera_access", "vms-audit.csv"));
    expect(r.fileError).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({
      status: "succeeded",
      format: "vms-audit",
      rowsRead: 4,
      inserted: 4,
      updated: 0,
      rejected: 0,
    });
    const rows = await t.db.select().from(cameraAccessEvents).orderBy(asc(cameraAccessEvents.startedAt));
    expect(rows).toHaveLength(4);
    // 1/14/2025 11:01:00 in Los Angeles is 19:01 UTC; the end is start + 0:04:30.
    expect(rows[0].startedAt.toISOString()).toBe("2025-01-14T19:01:00.000Z");
    expect(rows[0].endedAt.toISOString()).toBe("2025-01-14T19:05:30.000Z");
    expect(rows[0].reasonText).toBe("Follow-up, burglary on Main");
    expect(rows[1].reasonText).toBe("Checked footage\r\nafter a call, no case yet");
    expect(rows[1].caseNumber).toBeNull();
    expect(rows.map((r) => r.operation)).toEqual(["live_view", "playback", "export", "share"]);
    // Without a duration the end is the updated timestamp (July is daylight time: UTC-7).
    expect(rows[3].endedAt.toISOString()).toBe("2025-07-05T05:11:00.000Z");
    // "Jordan Reyes" and "  jordan reyes " are one person; the two spellings of the camera are one camera.
    expect(new Set(rows.slice(0, 2).map((r) => r.personnelId)).size).toBe(1);
    expect(new Set(rows.slice(0, 2).map((r) => r.cameraId)).size).toBe(1);
    expect(await count(cameras)).toBe(2);
    expect(await count(personnel)).toBe(2);
    // The sheriff's station exists already (any case); Bayside PD is new.
    expect(await count(agencies)).toBe(2);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, r.runId));
    expect(run).toMatchObject({ status: "succeeded", inserted: 4, fileName: "vms-audit.csv", actor: "test" });
    expect(run.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetType, "import_run"), eq(auditLog.targetId, String(r.runId))));
    expect(audits.map((a) => a.action)).toEqual(["import.succeeded"]);
  });

  it("is idempotent: the same file again adds nothing", async () => {
    const r = await importFile(t.db, stream("vms-audit.csv"), options("camera_access", "vms-audit.csv"));
    expect(r).toMatchObject({ status: "succeeded", inserted: 0, updated: 0, unchanged: 4 });
    expect(await count(cameraAccessEvents)).toBe(4);
  });

  it("updates a changed row instead of adding one", async () => {
    const text = (await import("node:fs")).readFileSync(
      new URL("../fixtures/ingest/vms-audit.csv", import.meta.url),
      "utf8",
    );
    const changed = text.replace("Follow-up, burglary on Main", "Follow-up, burglary on Main St");
    const r = await importFile(t.db, [changed], options("camera_access", "vms-audit-edited.csv"));
    expect(r).toMatchObject({ status: "succeeded", inserted: 0, updated: 1, unchanged: 3 });
    const texts = (await t.db.select({ t: cameraAccessEvents.reasonText }).from(cameraAccessEvents)).map((x) => x.t);
    expect(texts).toContain("Follow-up, burglary on Main St");
    expect(await count(cameraAccessEvents)).toBe(4);
  });

  it("rejects the whole file when any row is bad, naming line, column and reason", async () => {
    const before = await count(cameraAccessEvents);
    const camerasBefore = await count(cameras);
    const r = await importFile(t.db, stream("vms-audit-bad.csv"), options("camera_access", "vms-audit-bad.csv"));
    expect(r.status).toBe("failed");
    expect(r.inserted).toBe(0);
    expect(r.rejected).toBe(6);
    const byLine = Object.fromEntries(r.errors.map((e) => [e.line, e]));
    expect(byLine[3]).toMatchObject({ column: "timestamp" });
    expect(byLine[4]).toMatchObject({ column: "timestamp", reason: expect.stringContaining("in the future") });
    expect(byLine[5]).toMatchObject({ column: "operation", reason: expect.stringContaining("Teleport") });
    expect(byLine[6]).toMatchObject({
      column: "Latitude",
      reason: expect.stringContaining("outside the city's region"),
    });
    expect(byLine[7]).toMatchObject({ column: "duration", reason: expect.stringContaining("h:mm:ss") });
    expect(byLine[8]).toMatchObject({ column: "user", reason: "is required but empty" });
    expect(await count(cameraAccessEvents)).toBe(before);
    expect(await count(cameras)).toBe(camerasBefore);
    const [run] = await t.db.select().from(importRuns).where(eq(importRuns.id, r.runId));
    expect(run.status).toBe("failed");
    expect(run.rejected).toBe(6);
  });

  it("--partial keeps the good rows and reports the rest", async () => {
    const r = await importFile(
      t.db,
      stream("vms-audit-bad.csv"),
      options("camera_access", "vms-audit-bad.csv", { partial: true }),
    );
    expect(r).toMatchObject({ status: "partial", rejected: 6, rowsRead: 7 });
    // The one good row is the same access as line 2 of vms-audit.csv, from another file: same natural key.
    expect(r.inserted + r.unchanged + r.updated).toBe(1);
  });

  it("--dry-run reports what would change and changes nothing", async () => {
    const before = await count(cameraAccessEvents);
    const text = (await import("node:fs")).readFileSync(
      new URL("../fixtures/ingest/vms-audit.csv", import.meta.url),
      "utf8",
    );
    const r = await importFile(
      t.db,
      [text.replaceAll("2025", "2024")],
      options("camera_access", "x.csv", { dryRun: true }),
    );
    expect(r).toMatchObject({ status: "dry_run", inserted: 4 });
    expect(await count(cameraAccessEvents)).toBe(before);
  });

  it("matches canonical rows to cameras by name regardless of case and spaces, and adds unknown cameras with location unknown", async () => {
    const r = await importFile(t.db, stream("daylight-cameras.csv"), options("cameras", "daylight-cameras.csv"));
    expect(r).toMatchObject({ status: "succeeded", inserted: 2, updated: 1 });
    const a = await importFile(
      t.db,
      stream("daylight-camera-access.csv"),
      options("camera_access", "daylight-camera-access.csv"),
    );
    expect(a.errors).toEqual([]);
    expect(a).toMatchObject({ status: "succeeded", format: "daylight-camera-access", inserted: 3 });
    // An oversight log never drops an access because the camera's location is unknown.
    const unknown = await importFile(
      t.db,
      [
        "external_id,user,camera,camera_agency,operation,started_at,ended_at\nz-1,Pat Lee,No Such Camera,Harbor Transit Authority,live_view,2025-10-02T08:00:00Z,2025-10-02T08:01:00Z\n",
      ],
      options("camera_access", "unknown-camera.csv"),
    );
    expect(unknown.errors).toEqual([]);
    expect(unknown).toMatchObject({ status: "succeeded", inserted: 1, created: { cameras: 1, agencies: 1 } });
    expect(unknown.warnings[0]).toContain('added with location unknown ("No Such Camera")');
    expect(reportLines(unknown).join("\n")).toContain("Warning: 1 camera was not in the inventory");
    const [cam] = await t.db.select().from(cameras).where(eq(cameras.nameKey, "no such camera"));
    expect(cam).toMatchObject({ lat: null, lon: null, areaId: null, owner: "other_agency" });
    const [owner] = await t.db.select().from(agencies).where(eq(agencies.id, cam.ownerAgencyId!));
    expect(owner.name).toBe("Harbor Transit Authority");
    expect((await listCamerasWithoutLocation({ db: t.db })).map((c) => c.name)).toContain("No Such Camera");
    // Importing the inventory later gives it a location.
    const inv = await importFile(
      t.db,
      ["name,kind,owner,site_name,lat,lon\nNo Such Camera,fixed,other_agency,Harbor Station,33.8905,-118.353\n"],
      options("cameras", "inv.csv"),
    );
    expect(inv).toMatchObject({ status: "succeeded", updated: 1 });
    expect((await listCamerasWithoutLocation({ db: t.db })).map((c) => c.name)).not.toContain("No Such Camera");
  });
});
