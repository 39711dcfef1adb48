#!/usr/bin/env node
// The server e2e/second-city.spec.ts runs against: a city that is not the demo one
// (config/second-city.json), from an EMPTY database on the local Postgres server, set up with
// `daylight setup --no-demo`, fed one small file of each real vendor format (written here, dated
// relative to today so they are past the publication delay whatever the day), with one staff
// account created through the CLI (its TOTP secret kept in the data dir for the spec), then served.
// With no Postgres server reachable it serves only /api/health and writes the reason to
// <data dir>/skip.txt: the spec then skips, saying why.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import postgres from "postgres";

const dataDir = path.resolve(process.env.E2E_DATA_DIR || ".data-e2e-second-city");
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
const port = process.env.E2E_PORT || "3101";
const adminUrl = process.env.E2E_PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = process.env.E2E_PG_DATABASE || "daylight_e2e_second_city";
if (!/^[a-z_][a-z0-9_]{0,62}$/.test(dbName)) throw new Error(`E2E_PG_DATABASE ${dbName} is not a plain name`);

function skip(reason) {
  writeFileSync(path.join(dataDir, "skip.txt"), reason);
  console.log(`second-city e2e: skipped: ${reason}`);
  createServer((req, res) => {
    res.writeHead(req.url === "/api/health" ? 200 : 404, { "content-type": "text/plain" });
    res.end(req.url === "/api/health" ? "ok (skipped)" : "not found");
  }).listen(Number(port), "127.0.0.1");
}

let admin;
try {
  admin = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  await admin`select 1`;
} catch (e) {
  await admin?.end({ timeout: 1 }).catch(() => {});
  skip(`no Postgres server reachable at ${adminUrl.replace(/\/\/[^@]*@/, "//")} (${e.message})`);
}

if (admin) {
  await admin.unsafe(`drop database if exists "${dbName}" with (force)`);
  await admin.unsafe(`create database "${dbName}"`);
  await admin.end();
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DAYLIGHT_CITY_CONFIG: "config/second-city.json",
    DAYLIGHT_DATA_DIR: dataDir,
    DAYLIGHT_API_RATE_LIMIT: "1000000",
    // No scheduled publication during the run: the one the mapping change triggers is awaited.
    DAYLIGHT_PUBLISH_EVERY_MINUTES: "1440",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: port,
  };
  const run = (args, input) => {
    const r = spawnSync(process.execPath, ["bin/daylight.mjs", ...args], {
      input,
      stdio: ["pipe", "pipe", "inherit"],
      env,
      encoding: "utf8",
    });
    process.stdout.write(r.stdout ?? "");
    if (r.status !== 0) {
      console.error(`second-city e2e: daylight ${args.join(" ")} failed`);
      process.exit(r.status || 1);
    }
    return r.stdout;
  };

  run(["setup", "--no-demo"]);

  // Dates ten and twelve days back: inside the pilot, past every publication delay.
  const ago = (days) => new Date(Date.now() - days * 86_400_000);
  const ymd = (d, sep = "-") => d.toISOString().slice(0, 10).replace(/-/g, sep);
  const mdy = (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
  const d10 = ago(10);
  const d12 = ago(12);
  const files = {
    // San Francisco's open-data drone log, CSV: no ids, free-text reasons, a row with no point.
    "drone-log.csv": [
      "date,case_cad_event_number,flight_duration_minutes,reason_for_flight,call_type_original_desc,location,analysis_neighborhood,supervisor_district,point",
      `${ymd(d10, "/")} 10:00:00 AM,,12,Auto Boost,,,,,`,
      `${ymd(d10, "/")} 10:00:00 AM,,12,Auto Boost,,,,,`,
      `${ymd(d10, "/")} 02:30:00 PM,MS-251,9,Call for service,BURGLARY,200 Main St,Old Town,1,POINT (-97.7521 30.2565)`,
    ].join("\n"),
    // The same log as its JSON API serves it: date-only dates, GeoJSON points.
    "drone-log.json": JSON.stringify([
      {
        date: `${ymd(d12)}T00:00:00.000`,
        flight_duration_minutes: "14",
        reason_for_flight: "Auto Boost",
        point: { type: "Point", coordinates: [-97.738, 30.258] },
      },
      { date: `${ymd(d12)}T00:00:00.000`, flight_duration_minutes: "30", reason_for_flight: "Training / Test" },
    ]),
    // A video-management system's camera access audit; the second camera is not in any inventory.
    "camera-access.csv": [
      "user,user_organization,object_type,operation,client,object_name,object_organization,location_name,timestamp,updated_timestamp,duration,incident_id,notes,Latitude,Longitude",
      `Casey Morrow,Marlow Springs Police Department,Camera,View Live,Web Client,Main St & River Rd,Marlow Springs Police Department,City Hall,${mdy(d10)} 11:01:00,${mdy(d10)} 11:05:30,0:04:30,MS-25-000101,Follow-up,30.2560,-97.7450`,
      `Casey Morrow,Marlow Springs Police Department,Camera,Playback,Web Client,Mill Ave Garage,Marlow Springs Police Department,,${mdy(d10)} 13:20:00,,0:10:00,,,,`,
    ].join("\n"),
    // A plate-reader vendor's transparency-portal search audit.
    "plate-portal-audit.csv": [
      "id,userId,searchDate,cameraCount,reason",
      `c31f0a77-0001,u-70311,${d10.toISOString()},212,investigation`,
      `c31f0a77-0002,u-70311,${d12.toISOString()},212,UUV`,
      `c31f0a77-0003,u-90402,${d12.toISOString()},1,Daytime search for best result`,
    ].join("\n"),
    // A plate-reader organization search audit as released under a records request (10 columns).
    "plate-org-audit.csv": [
      "ID,Org_Name,Total_Networks_Searched,Total_Devices_Searched,Time_Frame_Start,Time_Frame_End,Reason,Search_Time,Search_Type,Moderation",
      `5520011,Marlow Springs Police Department,4,"1,204","${mdy(d12)}, 12:00:00 AM UTC","${mdy(d10)}, 11:59:59 PM UTC",stolen vehicle,"${mdy(d10)}, 09:53:36 AM UTC",Vehicle Search,Approved`,
      `5520012,***,2,97,"${mdy(d12)}, 06:00:00 PM UTC","${mdy(d10)}, 06:00:00 AM UTC",REDACTED,"${mdy(d10)}, 10:02:11 AM UTC",Vehicle Search,`,
    ].join("\n"),
  };
  const datasets = {
    "drone-log.csv": "flights",
    "drone-log.json": "flights",
    "camera-access.csv": "camera_access",
    "plate-portal-audit.csv": "alpr_searches",
    "plate-org-audit.csv": "alpr_searches",
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dataDir, name);
    writeFileSync(file, `${text}\n`);
    run(["import", datasets[name], file]);
  }

  // A staff account, as an operator makes one: password on stdin, TOTP secret printed once.
  const password = "second-city e2e staff passphrase 4417";
  const out = run(
    ["users", "add", "--email", "staff@second-city.example", "--name", "Second City Staff", "--role", "staff"],
    `${password}\n`,
  );
  const secret = /TOTP secret: (\S+)/.exec(out)?.[1];
  if (!secret) throw new Error("daylight users add printed no TOTP secret");
  writeFileSync(
    path.join(dataDir, "staff.json"),
    JSON.stringify({ email: "staff@second-city.example", password, totpSecret: secret }),
  );

  run(["publish", "--trigger", "setup"]);

  const server = spawn(process.execPath, ["scripts/start.mjs", "--skip-setup"], { stdio: "inherit", env });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
  server.on("exit", (code) => process.exit(code ?? 0));
}
