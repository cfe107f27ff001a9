import { describe, expect, it } from "vitest";
import i18n, { changeLanguage } from "@/i18n";
import { ApiError } from "@/lib/apiClient";
import { txErrorMessage } from "./txErrors";

const t = i18n.t.bind(i18n);

describe("txErrorMessage", () => {
  it("says an LTV refusal in a clerk's words, with the maximum as money", () => {
    const error = new ApiError(422, "LTV_EXCEEDED", "at 50% ...", { maxAmount: "150000000", ltvBps: 5000 });
    expect(txErrorMessage(error, t)).toBe("金额超过质押率允许的上限（最多 ¥1,500,000.00）。");
  });

  it("names the loan's current state when it moved on", () => {
    const error = new ApiError(409, "INVALID_LOAN_STATE", "loan 3 is withdrawn", { current: "withdrawn" });
    expect(txErrorMessage(error, t)).toContain("已撤回");
  });

  it("reads a refused pledge's failed checks, including the contract's own codes", () => {
    const error = new ApiError(422, "PLEDGE_REFUSED", "the pledge cannot be registered", {
      failed: [{ patentId: "CN1", check: "not_preserved", ok: false, detail: "under court preservation" }],
    });
    expect(txErrorMessage(error, t)).toBe("质押登记审查未通过：CN1 未被财产保全");
    expect(txErrorMessage(new ApiError(422, "PLEDGE_REFUSED_FEE_UNPAID", "the ledger refused"), t)).toMatch(
      /^质押登记审查未通过/,
    );
  });

  it("covers overpayment, default timing and the pause, in English too", async () => {
    await changeLanguage("en");
    expect(txErrorMessage(new ApiError(422, "OVERPAYMENT", "x", { owed: "12345" }), t)).toBe(
      "The repayment is more than the ¥123.45 owed now.",
    );
    expect(
      txErrorMessage(new ApiError(422, "NOT_YET_DEFAULTABLE", "x", { defaultableAt: "2027-08-24T00:00:00.000Z" }), t),
    ).toContain("2027-08-2");
    expect(txErrorMessage(new ApiError(409, "PLATFORM_PAUSED", "x"), t)).toBe(
      "The regulator has paused the platform; try again later.",
    );
  });

  it("falls back to the API's own message for a code it does not know", () => {
    expect(txErrorMessage(new ApiError(409, "SOMETHING_NEW", "the ledger refused: SomethingNew"), t)).toBe(
      "the ledger refused: SomethingNew",
    );
    expect(txErrorMessage(new ApiError(0, "NETWORK", "unreachable"), t)).toBe("无法连接服务器，请检查网络后重试。");
  });
});
