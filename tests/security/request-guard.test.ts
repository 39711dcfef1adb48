// Malformed percent-encoding and oversized form bodies are refused by proxy.ts with a plain 4xx.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest, type NextFetchEvent } from "next/server";
import { proxy } from "../../proxy";
import { refuseRequest } from "../../lib/security/request-guard";
import { resetEnvCache } from "../../lib/env";

const ev = {} as NextFetchEvent;

beforeAll(() => {
  // Session secrets from the environment, so the test never writes one into a data directory.
  process.env.AUTH_SECRET = "test-auth-secret-0123456789abcdef";
  process.env.DAYLIGHT_PSEUDONYM_KEY = "test-pseudonym-key-0123456789";
  resetEnvCache();
});

describe("request guard", () => {
  it.each(["/updates/%FF", "/policies/%E0%A4%A", "/drones/flights/%C0%AF", "/updates/%00"])("400 for %s", async (p) => {
    const res = await proxy(new NextRequest(`http://localhost${p}`), ev);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/malformed/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("413 for a 3 MB form post, before any action runs", async () => {
    const body = "body=" + "x".repeat(3 * 1024 * 1024);
    const res = await proxy(
      new NextRequest("http://localhost/feedback/new", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": String(body.length) },
      }),
      ev,
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/at most 1 MB/);
  });

  it("lets ordinary requests and ingest uploads through", () => {
    expect(refuseRequest({ method: "GET", pathname: "/updates/caf%C3%A9", contentLength: null })).toBeNull();
    expect(refuseRequest({ method: "POST", pathname: "/feedback/new", contentLength: "2048" })).toBeNull();
    expect(refuseRequest({ method: "POST", pathname: "/api/ingest/flights", contentLength: "50000000" })).toBeNull();
    expect(refuseRequest({ method: "POST", pathname: "/feedback/new", contentLength: "-5" })?.status).toBe(400);
  });

  it("still sends signed-out visitors of protected areas to sign-in, with the headers", async () => {
    const res = await proxy(new NextRequest("http://localhost/review/flights?page=2"), ev);
    expect(res.status).toBe(307);
    const to = new URL(res.headers.get("location")!);
    expect(to.pathname).toBe("/signin");
    expect(to.searchParams.get("next")).toBe("/review/flights?page=2");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
