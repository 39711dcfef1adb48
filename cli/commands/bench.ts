// `daylight bench <suite>` (npm run bench -- <suite>): performance benchmarks against a Postgres
// server. Each suite is one entry in `suites`; they create and drop their own throwaway databases.
import type { Command } from "commander";
import { z } from "zod";
import { benchIngest } from "../../bench/ingest";
import { env } from "../../lib/env";
import { CliError } from "../errors";

type BenchOpts = { rows?: string; smallRows?: string; keep?: boolean; url?: string };

const suites: Record<string, { describe: string; run(o: BenchOpts): Promise<string> }> = {
  ingest: {
    describe: "1,000,000-row camera-access CSV through `daylight import` vs psql \\copy",
    async run(o) {
      const rows = z.coerce.number().int().positive().safeParse(o.rows ?? 1_000_000);
      const small = z.coerce.number().int().nonnegative().safeParse(o.smallRows ?? 100_000);
      if (!rows.success || !small.success) throw new CliError("--rows and --small-rows must be whole numbers");
      return benchIngest({ url: serverUrl(o), rows: rows.data, smallRows: small.data, keep: o.keep });
    },
  },
};

function serverUrl(o: BenchOpts): string {
  const url = o.url ?? env().DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError("--url must be a postgres:// URL");
  return url;
}

export function register(program: Command): void {
  program
    .command("bench")
    .description(`Run a benchmark against a Postgres server (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres). Suites: ${Object.keys(suites).join(", ")}`)
    .argument("[suite]", Object.entries(suites).map(([k, v]) => `${k}: ${v.describe}`).join("; "), "ingest")
    .option("--rows <n>", "rows for the ingest benchmark", "1000000")
    .option("--small-rows <n>", "a smaller run first, to show memory stays flat (0 to skip)", "100000")
    .option("--url <postgres-url>", "server to create the throwaway databases on")
    .option("--keep", "keep the throwaway databases")
    .action(async (suite: string, o: BenchOpts) => {
      const s = suites[suite];
      if (!s) throw new CliError(`Unknown benchmark "${suite}". Suites: ${Object.keys(suites).join(", ")}`);
      console.log(await s.run(o));
    });
}
