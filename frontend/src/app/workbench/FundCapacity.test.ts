import { describe, expect, it } from "vitest";
import { capacityUsedPercent } from "./FundCapacity";

describe("capacityUsedPercent", () => {
  it.each<[string, string, number]>([
    ["1000000000", "250000000", 25],
    ["5000000000", "114139176", 2.28],
    ["300", "100", 33.33],
    ["1000", "0", 0],
    ["1000", "1000", 100],
    // fen beyond a double's exact range still divide exactly
    ["90000000000000000000", "30000000000000000000", 33.33],
  ])("capacity %s fen with %s paid is %s%% used", (capacity, paid, percent) => {
    expect(capacityUsedPercent(capacity, paid)).toBe(percent);
  });

  it("never passes 100%, even when the capacity is lowered below what was paid", () => {
    expect(capacityUsedPercent("0", "0")).toBe(0);
    expect(capacityUsedPercent("0", "500")).toBe(100);
    expect(capacityUsedPercent("1000", "1500")).toBe(100);
  });
});
