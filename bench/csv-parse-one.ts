// One timed read of a CSV file by one parser, in a process of its own so its peak RSS is its own:
// `node --import tsx bench/csv-parse-one.ts <parser> <file>` prints one JSON line.
import { createReadStream } from "node:fs";
import { CSV_READERS } from "./csv-readers";

async function main() {
  const [name, file] = process.argv.slice(2);
  const read = CSV_READERS[name as keyof typeof CSV_READERS];
  if (!read) throw new Error(`unknown parser ${name}`);
  const baseRss = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  let rows = 0;
  for await (const batch of read(createReadStream(file, { highWaterMark: 64 * 1024 }), 2000)) rows += batch.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // resourceUsage().maxRSS is in kilobytes.
  console.log(JSON.stringify({ seconds, rows, baseRss, peakRss: process.resourceUsage().maxRSS * 1024 }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
