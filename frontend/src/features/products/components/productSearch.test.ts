import { describe, expect, it } from "vitest";
import { matchesProduct } from "./productSearch";

const product = { name: "科创知识产权贷 IP Loan", bankName: "城市商业银行 City Bank" };

describe("matchesProduct", () => {
  it("matches part of the product's name or its bank's, in any case", () => {
    expect(matchesProduct(product, "知识产权")).toBe(true);
    expect(matchesProduct(product, "ip loan")).toBe(true);
    expect(matchesProduct(product, " CITY ")).toBe(true);
    expect(matchesProduct(product, "农业")).toBe(false);
  });

  it("matches everything when there is no search, and tolerates a product without names", () => {
    expect(matchesProduct(product, undefined)).toBe(true);
    expect(matchesProduct(product, "  ")).toBe(true);
    expect(matchesProduct({ name: null, bankName: null }, "x")).toBe(false);
  });
});
