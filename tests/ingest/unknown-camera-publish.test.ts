// An access to a camera whose location is unknown is published like any other access, and the
// camera itself is not put on the public inventory until it has a location.
import { describe, expect, it } from "vitest";
import { importFile } from "../../server/ingest/import-file";
import { pubCameraAccesses, pubCameras } from "../../db/schema";
import { city } from "../../lib/config/city";
import { runPublish } from "../../server/publish/run";
import { dbMode, type TestDb } from "../helpers/db";
import { options, useReferenceDb } from "./setup";

let t: TestDb;
useReferenceDb((db) => (t = db));

describe(`a camera with location unknown (${dbMode})`, () => {
  it("publishes its accesses and leaves it off the public inventory", async () => {
    const r = await importFile(
      t.db,
      [
        "external_id,user,camera,operation,started_at,ended_at\nu-1,Pat Lee,Unlisted Garage Cam,playback,2025-10-02T08:00:00Z,2025-10-02T08:10:00Z\n",
      ],
      options("camera_access", "unknown.csv"),
    );
    expect(r).toMatchObject({ status: "succeeded", inserted: 1, created: { cameras: 1 } });
    const asOf = new Date(Date.UTC(2025, 10, 1));
    const p = await runPublish(t.db, {
      pseudonymKey: "test-pseudonym-key-0123456789",
      timeZone: city().timeZone,
      trigger: "test",
      asOf,
    });
    expect(p).toBeTruthy();
    expect(await t.db.select().from(pubCameraAccesses)).toHaveLength(1);
    expect(JSON.stringify(await t.db.select().from(pubCameras))).not.toContain("Unlisted Garage Cam");
  });
});
