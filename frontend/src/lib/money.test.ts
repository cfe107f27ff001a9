import { describe, expect, it } from "vitest";
import { fenToYuan, formatBps, formatFen, parseYuan } from "./money";

describe("formatFen", () => {
  it.each([
    ["0", "¥0.00"],
    ["1", "¥0.01"],
    ["10", "¥0.10"],
    ["99", "¥0.99"],
    ["100", "¥1.00"],
    ["123456", "¥1,234.56"],
    ["100000", "¥1,000.00"],
    ["123456789", "¥1,234,567.89"],
    ["99999999999", "¥999,999,999.99"],
    ["-1230", "-¥12.30"],
    [" 500 ", "¥5.00"],
  ])("%s fen reads %s", (fen, text) => expect(formatFen(fen)).toBe(text));

  it("keeps every fen of amounts past Number.MAX_SAFE_INTEGER", () => {
    // uint96 max, the largest amount the contracts accept
    expect(formatFen(79228162514264337593543950335n)).toBe("¥792,281,625,142,643,375,935,439,503.35");
    expect(formatFen("9007199254740993")).toBe("¥90,071,992,547,409.93");
  });

  it("refuses what is not a whole number of fen", () => {
    expect(() => formatFen("12.5")).toThrow(RangeError);
    expect(() => formatFen("")).toThrow(RangeError);
    expect(() => formatFen("1e6")).toThrow(RangeError);
  });
});

describe("parseYuan", () => {
  it.each([
    ["1,234.5", "123450"],
    ["1234.56", "123456"],
    ["0.01", "1"],
    ["0", "0"],
    ["12.", "1200"],
    ["¥1,000", "100000"],
    ["￥ 2,500,000.00", "250000000"],
    ["1，234", "123400"],
    ["  42  ", "4200"],
    ["007", "700"],
    ["90071992547409.93", "9007199254740993"],
  ])("%j yuan is %s fen", (input, fen) => expect(parseYuan(input)).toBe(fen));

  it.each(["", " ", "abc", "1.234", "0.005", "-5", "1,23", "12,34.5", ",123", "1.2.3", "1e3", ".5"])(
    "%j is not an amount",
    (input) => expect(parseYuan(input)).toBeNull(),
  );

  it("is the inverse of fenToYuan", () => {
    for (const fen of ["0", "1", "10", "123456789", "100000000000"]) expect(parseYuan(fenToYuan(fen))).toBe(fen);
    expect(fenToYuan("123450")).toBe("1234.50");
  });
});

describe("formatBps", () => {
  it.each([
    [5000, "50%"],
    [10000, "100%"],
    [435, "4.35%"],
    [450, "4.5%"],
    [405, "4.05%"],
    [1, "0.01%"],
    [0, "0%"],
  ])("%i bps is %s", (bps, text) => expect(formatBps(bps)).toBe(text));
});
