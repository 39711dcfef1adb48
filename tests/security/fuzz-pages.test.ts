// Property tests for the public filter pages: random and hostile search params go through each
// page's own parsers and then its public query, exactly as the page does. Nothing may throw (a
// throw is a 500 page); bad values come back as field errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseFlightFilters } from "../../app/(public)/drones/_lib/filters";
import { flattenParams, parseTableState, type SearchParams } from "../../components/tables/table-params";
import { getSearchLog } from "../../db/queries/public/alpr";
import { getAccessLog } from "../../db/queries/public/cameras";
import { FLIGHT_SORTS, listFlights } from "../../db/queries/public/drones";
import {
  ACCESS_SORTS,
  accessLogFilters,
  parseFilters,
  SEARCH_SORTS,
  searchLogFilters,
} from "../../lib/cameras/log-filters";
import { isCalendarDate, textProblem } from "../../lib/validation/params";
import { createTestDb, dbMode, type TestDb } from "../helpers/db";
import { hostileValue } from "./hostile";

let t: TestDb;
const tally = { calls: 0, fieldErrors: 0, throws: 0 };
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  console.log(
    `page params fuzz (${dbMode}): ${tally.calls} page loads, ${tally.fieldErrors} with field errors, ${tally.throws} threw`,
  );
  await t?.close();
});

const KEYS = ["from", "to", "category", "area", "outcome", "linked", "operation", "reason", "agency", "place"];
const MORE = ["user", "offense", "sort", "dir", "page"];
const params = (): fc.Arbitrary<SearchParams> =>
  fc.dictionary(
    fc.constantFrom(...KEYS, ...MORE),
    fc.oneof(hostileValue(), fc.array(hostileValue(), { maxLength: 3 })),
    { maxKeys: 5 },
  );

function checkAccepted(filters: Record<string, unknown>) {
  for (const [k, v] of Object.entries(filters)) {
    if (typeof v !== "string") continue;
    if (k === "from" || k === "to") expect(isCalendarDate(v), `${k}=${v}`).toBe(true);
    expect(textProblem(v), `${k}=${JSON.stringify(v)}`).toBeUndefined();
  }
}

async function load(fn: () => Promise<unknown>, errors: Record<string, string>) {
  tally.calls++;
  if (Object.keys(errors).length) tally.fieldErrors++;
  try {
    await fn();
  } catch (e) {
    tally.throws++;
    throw e;
  }
}

describe(`fuzzing public filter pages (${dbMode})`, () => {
  it("drone flight log (/drones/flights)", async () => {
    await fc.assert(
      fc.asyncProperty(params(), async (sp) => {
        const state = parseTableState(sp, { sortable: FLIGHT_SORTS, defaultSort: "started", pageSize: 25 });
        const { filters, errors } = parseFlightFilters(flattenParams(sp));
        checkAccepted(filters);
        await load(() => listFlights({ filters, ...state, db: t.db }), errors);
      }),
      { numRuns: 250 },
    );
  });

  it("camera access log (/cameras/access-log)", async () => {
    await fc.assert(
      fc.asyncProperty(params(), async (sp) => {
        const state = parseTableState(sp, { sortable: ACCESS_SORTS, defaultSort: "hour", pageSize: 25 });
        const { filters, errors } = parseFilters(accessLogFilters, flattenParams(sp));
        checkAccepted(filters);
        await load(() => getAccessLog({ filters, ...state, db: t.db }), errors);
      }),
      { numRuns: 250 },
    );
  });

  it("plate-reader search log (/plate-readers)", async () => {
    await fc.assert(
      fc.asyncProperty(params(), async (sp) => {
        const state = parseTableState(sp, { sortable: SEARCH_SORTS, defaultSort: "hour", pageSize: 25 });
        const { filters, errors } = parseFilters(searchLogFilters, flattenParams(sp));
        checkAccepted(filters);
        await load(() => getSearchLog({ filters, ...state, db: t.db }), errors);
      }),
      { numRuns: 250 },
    );
  });

  it("the issue's examples are field errors, not queries", () => {
    expect(parseFlightFilters({ from: "0000-01-01" }).errors.from).toBeTruthy();
    expect(parseFlightFilters({ from: "2026-02-31" }).errors.from).toBeTruthy();
    expect(parseFilters(accessLogFilters, { from: "2026-02-31" }).errors.from).toBeTruthy();
    expect(parseFilters(accessLogFilters, { agency: "\u0000" }).errors.agency).toBeTruthy();
    expect(parseFilters(searchLogFilters, { offense: "a\u0000b" }).errors.offense).toBeTruthy();
  });
});
