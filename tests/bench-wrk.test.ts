// The load benchmark reads wrk's own output: requests/s, p99 in any unit, and every kind of error.
import { describe, expect, it } from "vitest";
import { parseWrk } from "../bench/load";

const sample = `Running 10s test @ http://127.0.0.1:3200/
  2 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   316.02ms   40.11ms   1.20s    90.00%
    Req/Sec    50.50     10.00    80.00     70.00%
  Latency Distribution
     50%  300.00ms
     75%  320.00ms
     90%  350.00ms
     99%    1.02s
  1010 requests in 10.00s, 30.00MB read
  Socket errors: connect 0, read 0, write 0, timeout 80
  Non-2xx or 3xx responses: 5
Requests/sec:    101.00
Transfer/sec:      3.00MB
`;

describe("wrk output", () => {
  it("reads the rate, the p99 in seconds as milliseconds, and counts timeouts and bad statuses as errors", () => {
    expect(parseWrk(sample)).toEqual({ rps: 101, p99Ms: 1020, errors: 85, requests: 1010 });
  });
  it("reads microseconds, and no error lines as zero errors", () => {
    const fast = sample
      .replace("1.02s", "850.00us")
      .replace(/ {2}Socket errors.*\n/, "")
      .replace(/ {2}Non-2xx.*\n/, "");
    expect(parseWrk(fast)).toMatchObject({ p99Ms: 0.85, errors: 0 });
  });
  it("refuses output it cannot read", () => expect(() => parseWrk("wrk: connection refused")).toThrow(/wrk/));
});
