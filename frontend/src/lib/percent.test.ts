import { describe, expect, it } from "vitest";
import { bpsToPercent, parsePercent } from "./percent";

describe("percent", () => {
  it("reads a percentage as basis points", () => {
    expect(parsePercent("4.35")).toBe(435);
    expect(parsePercent("50%")).toBe(5000);
    expect(parsePercent(6)).toBe(600);
    expect(parsePercent("3.5")).toBe(350);
    expect(parsePercent(" 0.01 ")).toBe(1);
  });

  it("refuses what is not a percentage, and more than two decimals", () => {
    expect(parsePercent("4.355")).toBeNull();
    expect(parsePercent("abc")).toBeNull();
    expect(parsePercent("")).toBeNull();
    expect(parsePercent(null)).toBeNull();
    expect(parsePercent("-1")).toBeNull();
  });

  it("writes basis points back as a plain percentage", () => {
    expect(bpsToPercent(435)).toBe("4.35");
    expect(bpsToPercent(5000)).toBe("50");
    expect(bpsToPercent(350)).toBe("3.5");
  });
});
