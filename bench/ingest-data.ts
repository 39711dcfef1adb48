// A synthetic video-platform audit export (the vms-audit format) of any size, written as a stream
// so generating a million rows needs no more memory than generating ten.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const USERS = Array.from({ length: 40 }, (_, i) => `Operator ${String.fromCharCode(65 + (i % 26))}${i} Lastname`);
const ORGS = ["Lakemont Sheriff's Station", "Bayside PD", "County DA"];
const OPS = ["View Live", "View Live", "View Live", "Playback", "Playback", "Export", "Share"];
const CLIENTS = ["Web Client", "Desktop Client", "Video Wall"];

/** Cameras spread over the demo city's region. */
const CAMERAS = Array.from({ length: 50 }, (_, i) => ({
  name: `Bench Cam ${i + 1}`,
  site: `Site ${i + 1} Main St & ${i + 1}th Ave`,
  lat: (33.86 + (i % 10) * 0.006).toFixed(4),
  lon: (-118.4 + Math.floor(i / 10) * 0.02).toFixed(4),
}));

export const BENCH_HEADER =
  "user,user_organization,object_type,operation,client,object_name,object_organization,location_name,timestamp,updated_timestamp,duration,incident_id,notes,Latitude,Longitude";

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** M/D/YYYY h:mm:ss wall-clock text for a UTC instant treated as local time (the importer localizes it). */
function wall(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * `vendorShape` adds what some vendors' exports carry and the import must read (bench csv-parsers):
 * a BOM, and a note of two lines in every 13th row.
 */
export async function writeBenchCsv(file: string, rows: number, vendorShape = false): Promise<void> {
  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  out.write(`${vendorShape ? "\uFEFF" : ""}${BENCH_HEADER}\n`);
  // 25 seconds apart from 2025-01-01: a million rows end in early October 2025, all in the past.
  const start = Date.UTC(2025, 0, 1, 0, 0, 0);
  let buf = "";
  for (let i = 0; i < rows; i++) {
    const u = USERS[i % USERS.length];
    const org = ORGS[i % 7 === 0 ? 1 : i % 11 === 0 ? 2 : 0];
    const cam = CAMERAS[(i * 7) % CAMERAS.length];
    const t = start + i * 25_000;
    const dur = 30 + ((i * 37) % 1800);
    const hasCase = i % 8 !== 0;
    const notes =
      vendorShape && i % 13 === 0
        ? `"Called back, no answer\nSecond try ${i}, left a message"`
        : i % 5 === 0
          ? `"Follow-up on call ${i}, per sergeant"`
          : i % 3 === 0
            ? "Routine check"
            : "";
    buf += `${u},${org},Camera,${OPS[i % OPS.length]},${CLIENTS[i % 3]},${cam.name},Lakemont Sheriff's Station,${cam.site},${wall(t)},,${Math.floor(dur / 3600)}:${pad(Math.floor((dur % 3600) / 60))}:${pad(dur % 60)},${hasCase ? `LKM-25-${String(i).padStart(7, "0")}` : ""},${notes},${cam.lat},${cam.lon}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, "drain");
      buf = "";
    }
  }
  out.end(buf);
  await once(out, "finish");
}
