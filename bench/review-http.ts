// The review queue over HTTP, as an auditor gets it: the production server on a seeded, flagged
// database (--database; only read, apart from the audit entries each view writes), a sign-in as the
// demo auditor in the system Chromium (password and the current TOTP code), then `runs` sequential
// GETs of each queue view with that session, timed to the last byte; medians against the 300 ms target.
// Run: npm run bench -- review-http --database postgres://…/<db> [--runs 15] [--http-port 3200]
import { chromium } from "@playwright/test";
import { CHROMIUM_FLAGS, DEFAULT_CHROMIUM_PATH } from "../e2e/chromium";
import { DEMO_USERS } from "../lib/auth/demo-users";
import { currentTotp } from "../lib/auth/totp";
import { median } from "./measure";
import { startNextServer, tail } from "./next-server";
import { REVIEW_QUEUE_TARGET_MS } from "./review-queue";

const VIEWS = [
  { name: "default view (people by score)", path: "/review" },
  { name: "records view (by score)", path: "/review?view=records" },
  { name: "records view, plate searches only", path: "/review?view=records&type=alpr_search" },
];

export async function benchReviewHttp(o: { database: string; runs: number; port: number }): Promise<string> {
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s);
    console.error(s);
  };
  const auditor = DEMO_USERS.find((u) => u.role === "auditor");
  if (!auditor) throw new Error("no demo auditor account");
  const server = await startNextServer({ db: { url: o.database }, port: o.port, log });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  });
  try {
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const page = await context.newPage();
    await page.goto("/signin?next=%2Freview", { timeout: 120_000 });
    await page.getByLabel("Email").fill(auditor.email);
    await page.getByLabel("Password").fill(auditor.password);
    await page.getByLabel(/6-digit code/).fill(currentTotp(auditor.totpSecret, Date.now()));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => !/\/signin/.test(u.pathname), { timeout: 120_000 });
    log(
      `Review queue over HTTP on ${new URL(o.database).pathname.slice(1)}, signed in as ${auditor.email}; median of ${o.runs} after a warm-up:`,
    );
    for (const v of VIEWS) {
      const times: number[] = [];
      let first = 0;
      for (let i = 0; i <= o.runs; i++) {
        const t = process.hrtime.bigint();
        const r = await context.request.get(v.path, { maxRedirects: 0, timeout: 120_000 });
        const body = await r.body();
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        if (r.status() !== 200)
          throw new Error(`${v.path} answered ${r.status()}: ${body.toString("utf8").slice(0, 200)}`);
        if (i === 0) first = ms;
        else times.push(ms);
      }
      const m = median(times);
      log(
        `  GET ${v.path}: ${m.toFixed(0)} ms (target < ${REVIEW_QUEUE_TARGET_MS} ms: ${m < REVIEW_QUEUE_TARGET_MS ? "met" : "NOT met"}; first request ${first.toFixed(0)} ms) — ${v.name}`,
      );
    }
  } catch (e) {
    log(`  server output (last lines):\n${tail(server.output())}`);
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
  return lines.join("\n");
}
