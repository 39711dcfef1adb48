import { describe, expect, it } from "vitest";
import { currentTotp, matchTotpStep, TOTP_PERIOD_MS } from "../../lib/auth/totp";

// Fixed secret and time, so no code can collide with another step's by chance between runs.
const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const step = 60_000_000;
const at = step * TOTP_PERIOD_MS + 12_345;
const codeAt = (s: number) => currentTotp(secret, s * TOTP_PERIOD_MS);

describe("matchTotpStep", () => {
  it("returns the step of the current code and of one step either side", () => {
    expect(matchTotpStep(secret, codeAt(step), at)).toBe(step);
    expect(matchTotpStep(secret, codeAt(step - 1), at)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(step + 1), at)).toBe(step + 1);
  });

  it("follows the clock across a step boundary", () => {
    expect(matchTotpStep(secret, codeAt(step), step * TOTP_PERIOD_MS)).toBe(step);
    expect(matchTotpStep(secret, codeAt(step), step * TOTP_PERIOD_MS - 1)).toBe(step);
    expect(matchTotpStep(secret, codeAt(step - 2), step * TOTP_PERIOD_MS - 1)).toBe(step - 2);
  });

  it("refuses codes two steps away, and anything that is not six digits", () => {
    expect(matchTotpStep(secret, codeAt(step - 2), at)).toBeNull();
    expect(matchTotpStep(secret, codeAt(step + 2), at)).toBeNull();
    expect(matchTotpStep(secret, codeAt(step).slice(0, 5), at)).toBeNull();
    expect(matchTotpStep(secret, "abcdef", at)).toBeNull();
  });

  it("ignores spaces inside the code", () => {
    const c = codeAt(step);
    expect(matchTotpStep(secret, `${c.slice(0, 3)} ${c.slice(3)}`, at)).toBe(step);
  });
});
