import { describe, expect, it } from "vitest";
import i18n, { changeLanguage } from "@/i18n";
import { en } from "@/i18n/locales/en";
import { zhCN } from "@/i18n/locales/zh-CN";
import { ApiError } from "./apiClient";
import { EXPLAINED_ERROR_CODES, errorMessage, ledgerErrorMessage } from "./errorMessages";

const t = i18n.t.bind(i18n);

describe("ledgerErrorMessage", () => {
  it("has a zh-CN and an en sentence for every explained code", () => {
    for (const code of EXPLAINED_ERROR_CODES) {
      expect(zhCN.ledgerErrors[code], code).toBeTruthy();
      expect(en.ledgerErrors[code], code).toBeTruthy();
    }
  });

  it("says a duplicate patent is already on the ledger, naming it", async () => {
    const error = new ApiError(409, "PATENT_ALREADY_REGISTERED", "patent CN1 is already on the ledger", {
      number: "CN201710601862.3",
    });
    expect(ledgerErrorMessage(error, t)).toBe("专利 CN201710601862.3 已在链上登记，同一专利不能重复登记。");
    await changeLanguage("en");
    expect(ledgerErrorMessage(error, t)).toContain("CN201710601862.3 is already registered");
  });

  it("tells a wrong check digit apart from a malformed number", () => {
    const checkDigit = new ApiError(400, "INVALID_PATENT_NUMBER", "…", {
      number: "CN201710601862.4",
      problem: "check_digit",
    });
    const format = new ApiError(400, "INVALID_PATENT_NUMBER", "…", { number: "abc", problem: "format" });
    expect(ledgerErrorMessage(checkDigit, t)).toBe("专利号 CN201710601862.4 的校验位不正确，请核对专利证书。");
    expect(ledgerErrorMessage(format, t)).toContain("专利号格式不正确");
  });

  it("names the kind the number implies on a kind mismatch", async () => {
    const error = new ApiError(400, "PATENT_KIND_MISMATCH", "…", { declared: "design", fromNumber: "invention" });
    expect(ledgerErrorMessage(error, t)).toContain("发明");
    await changeLanguage("en");
    expect(ledgerErrorMessage(error, t)).toContain("“Invention”");
  });

  it("says an LTV refusal in a clerk's words, with the maximum as money", () => {
    const error = new ApiError(422, "LTV_EXCEEDED", "at 50% ...", { maxAmount: "150000000", ltvBps: 5000 });
    expect(ledgerErrorMessage(error, t)).toBe("金额超过质押率允许的上限（最多 ¥1,500,000.00）。");
  });

  it("reads an amount's maximum as money and a term's as days", () => {
    const amount = new ApiError(422, "AMOUNT_OUT_OF_RANGE", "x", { max: "100000" });
    const term = new ApiError(422, "TERM_OUT_OF_RANGE", "x", { max: 365 });
    expect(ledgerErrorMessage(amount, t)).toContain("最多 ¥1,000.00");
    expect(ledgerErrorMessage(term, t)).toContain("（365 天）");
  });

  it("names the loan's current state when it moved on", () => {
    const error = new ApiError(409, "INVALID_LOAN_STATE", "loan 3 is withdrawn", { current: "withdrawn" });
    expect(ledgerErrorMessage(error, t)).toContain("已撤回");
  });

  it("reads a refused pledge's failed checks, and the ledger's own refusals, as the rule not met", () => {
    const review = new ApiError(422, "PLEDGE_REFUSED", "the pledge cannot be registered", {
      failed: [{ patentId: "CN1", check: "not_preserved", ok: false, detail: "under court preservation" }],
    });
    expect(ledgerErrorMessage(review, t)).toBe("质押登记审查未通过：CN1 未被财产保全");
    // The ledger checks the legal status again at the disbursement: not a refused pledge registration.
    const ledger = new ApiError(422, "PLEDGE_REFUSED_FEE_UNPAID", "the ledger refused: PatentRegistryFeeUnpaid");
    expect(ledgerErrorMessage(ledger, t)).toBe(
      "该贷款的专利已不满足“年费缴至到期日之后”：知识产权局变更了它的法律状态，账本拒绝办理。请与知识产权局核实。",
    );
    const preserved = new ApiError(422, "PLEDGE_REFUSED_PRESERVED", "the ledger refused: PatentRegistryPreserved");
    expect(ledgerErrorMessage(preserved, t)).toContain("“未被财产保全”");
    expect(ledgerErrorMessage(preserved, t)).not.toContain("质押登记");
    const expiry = new ApiError(422, "PLEDGE_REFUSED_EXPIRES_BEFORE_MATURITY", "the ledger refused");
    expect(ledgerErrorMessage(expiry, t)).toBe("质押专利将在贷款到期前失效。");
  });

  it("covers overpayment, default timing, the pause and an illegal state, in English too", async () => {
    expect(ledgerErrorMessage(new ApiError(409, "PLATFORM_PAUSED", "paused"), t)).toContain("平台已被监管机构暂停");
    expect(ledgerErrorMessage(new ApiError(409, "INVALID_PATENT_STATE", "x"), t)).toContain("状态不允许");
    await changeLanguage("en");
    expect(ledgerErrorMessage(new ApiError(422, "OVERPAYMENT", "x", { owed: "12345" }), t)).toBe(
      "The repayment is more than the ¥123.45 owed now.",
    );
    expect(
      ledgerErrorMessage(
        new ApiError(422, "NOT_YET_DEFAULTABLE", "x", { defaultableAt: "2027-08-24T00:00:00.000Z" }),
        t,
      ),
    ).toContain("2027-08-2");
    expect(ledgerErrorMessage(new ApiError(409, "PLATFORM_PAUSED", "x"), t)).toBe(
      "The regulator has paused the platform; no changes can be made until it resumes.",
    );
  });

  it("shows what was wrong with the input", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "body.title: required");
    expect(ledgerErrorMessage(error, t)).toBe("填写的内容有误：body.title: required");
  });

  it("falls back to the API's message for a code it does not know", () => {
    const error = new ApiError(409, "SOMETHING_NEW", "the ledger refused: SomethingNew");
    expect(ledgerErrorMessage(error, t)).toBe("the ledger refused: SomethingNew");
  });

  it("says the server could not be reached, or is unavailable", () => {
    expect(ledgerErrorMessage(new ApiError(0, "NETWORK", "x"), t)).toBe(zhCN.errors.network);
    expect(ledgerErrorMessage(new ApiError(503, "HTTP_503", "Service Unavailable"), t)).toBe(zhCN.errors.unavailable);
  });

  it("describes a non-API error", () => {
    expect(ledgerErrorMessage(new Error("boom"), t)).toBe("出错了：boom");
  });
});

describe("errorMessage", () => {
  it("gives the API's own message, without the write table", () => {
    expect(errorMessage(new ApiError(404, "NOT_FOUND", "patent CN1 was not found"), t)).toBe(
      "patent CN1 was not found",
    );
  });
});
