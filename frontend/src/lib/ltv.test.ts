import { describe, expect, it } from "vitest";
import { appraisedTotal, currentAppraisal, effectiveLtvBps, maxLoanAmount, type PatentForLtv } from "./ltv";

const NOW = Date.parse("2026-06-01T00:00:00Z") / 1000;
const at = (seconds: number) => new Date(seconds * 1000).toISOString();
const DAY = 86_400;

function patent(overrides: Partial<PatentForLtv> = {}): PatentForLtv {
  return { status: "verified", expiryDate: at(NOW + 365 * DAY), appraisals: [], ...overrides };
}
const appraisal = (index: number, value: string, validUntil: number) => ({ index, value, validUntil: at(validUntil) });

describe("currentAppraisal", () => {
  it("is the newest appraisal still valid", () => {
    const p = patent({
      appraisals: [appraisal(0, "100", NOW + DAY), appraisal(1, "200", NOW + 2 * DAY), appraisal(2, "300", NOW - 1)],
    });
    expect(currentAppraisal(p, NOW)?.value).toBe("200");
  });

  it("goes by index, not by the order the list comes in", () => {
    const p = patent({ appraisals: [appraisal(3, "900", NOW + DAY), appraisal(1, "100", NOW + DAY)] });
    expect(currentAppraisal(p, NOW)?.value).toBe("900");
  });

  it("counts an appraisal on its last valid second, as the chain does (now <= validUntil)", () => {
    const p = patent({ appraisals: [appraisal(0, "100", NOW)] });
    expect(currentAppraisal(p, NOW)?.value).toBe("100");
    expect(currentAppraisal(p, NOW + 1)).toBeUndefined();
  });

  it("is nothing without appraisals", () => expect(currentAppraisal(patent(), NOW)).toBeUndefined());

  it("looks only at the 8 newest appraisals, as the chain does: 8 newer ones supersede an older one", () => {
    const expired = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => appraisal(from + i, "1", NOW - 1));
    const kept = patent({ appraisals: [appraisal(0, "500", NOW + DAY), ...expired(1, 7)] });
    const superseded = patent({ appraisals: [appraisal(0, "500", NOW + DAY), ...expired(1, 8)] });
    expect(currentAppraisal(kept, NOW)?.value).toBe("500");
    expect(currentAppraisal(superseded, NOW)).toBeUndefined();
  });
});

describe("appraisedTotal", () => {
  const valued = (value: string, overrides: Partial<PatentForLtv> = {}) =>
    patent({ appraisals: [appraisal(0, value, NOW + DAY)], ...overrides });

  it("sums the current appraisals of verified and pledged patents", () => {
    expect(appraisedTotal([valued("100000000"), valued("50000001", { status: "pledged" })], NOW)).toBe(150000001n);
  });

  it.each(["registered", "rejected", "revoked"])("leaves out a %s patent", (status) => {
    expect(appraisedTotal([valued("100"), valued("999", { status })], NOW)).toBe(100n);
  });

  it("leaves out an expired patent, but counts one on its expiry second", () => {
    expect(appraisedTotal([valued("100", { expiryDate: at(NOW - 1) })], NOW)).toBe(0n);
    expect(appraisedTotal([valued("100", { expiryDate: at(NOW) })], NOW)).toBe(100n);
  });

  it("counts nothing for a patent whose appraisals have all expired", () => {
    const stale = patent({ appraisals: [appraisal(0, "500", NOW - DAY)] });
    expect(appraisedTotal([stale, valued("7")], NOW)).toBe(7n);
  });

  it("adds amounts beyond Number's precision exactly", () => {
    expect(appraisedTotal([valued("9007199254740993"), valued("9007199254740993")], NOW)).toBe(18014398509481986n);
  });
});

describe("maxLoanAmount", () => {
  const patents = [
    patent({ appraisals: [appraisal(0, "100000000", NOW + DAY)] }), // ¥1,000,000.00
    patent({ appraisals: [appraisal(0, "33333333", NOW + DAY)] }), // ¥333,333.33
  ];

  it("takes the product's LTV when it is under the platform's cap", () => {
    // 133,333,333 x 4000 / 10000 = 53,333,333.2 -> 53,333,333
    expect(maxLoanAmount({ patents, productLtvBps: 4000, ltvCapBps: 5000, now: NOW })).toBe(53333333n);
  });

  it("never goes above the platform's cap", () => {
    // 133,333,333 x 5000 / 10000 = 66,666,666.5 -> 66,666,666 (rounded down, to the fen)
    expect(maxLoanAmount({ patents, productLtvBps: 7000, ltvCapBps: 5000, now: NOW })).toBe(66666666n);
    expect(effectiveLtvBps(7000, 5000)).toBe(5000);
  });

  it("rounds down to the fen, never up", () => {
    const one = [patent({ appraisals: [appraisal(0, "3", NOW + DAY)] })];
    expect(maxLoanAmount({ patents: one, productLtvBps: 3333, ltvCapBps: 10000, now: NOW })).toBe(0n); // 0.9999
    const nine = [patent({ appraisals: [appraisal(0, "19999", NOW + DAY)] })];
    expect(maxLoanAmount({ patents: nine, productLtvBps: 5000, ltvCapBps: 5000, now: NOW })).toBe(9999n); // 9999.5
  });

  it("is zero when nothing is validly appraised", () => {
    expect(maxLoanAmount({ patents: [patent()], productLtvBps: 5000, ltvCapBps: 5000, now: NOW })).toBe(0n);
  });

  it("follows time: an appraisal that expires takes its value with it", () => {
    const input = { patents, productLtvBps: 5000, ltvCapBps: 5000 };
    expect(maxLoanAmount({ ...input, now: NOW + DAY })).toBe(66666666n);
    expect(maxLoanAmount({ ...input, now: NOW + DAY + 1 })).toBe(0n);
  });
});
