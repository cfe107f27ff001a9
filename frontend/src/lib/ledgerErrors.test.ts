import { describe, expect, it } from "vitest";
import i18n, { changeLanguage } from "@/i18n";
import { en } from "@/i18n/locales/en";
import { zhCN } from "@/i18n/locales/zh-CN";
import { ApiError } from "./apiClient";
import { EXPLAINED_ERROR_CODES, ledgerErrorMessage } from "./ledgerErrors";

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
    expect(ledgerErrorMessage(checkDigit, t)).toContain("校验位不正确");
    expect(ledgerErrorMessage(format, t)).toContain("专利号格式不正确");
  });

  it("names the kind the number implies on a kind mismatch", async () => {
    const error = new ApiError(400, "PATENT_KIND_MISMATCH", "…", { declared: "design", fromNumber: "invention" });
    expect(ledgerErrorMessage(error, t)).toContain("发明");
    await changeLanguage("en");
    expect(ledgerErrorMessage(error, t)).toContain("“Invention”");
  });

  it("explains a paused platform and an illegal state", () => {
    expect(ledgerErrorMessage(new ApiError(409, "PLATFORM_PAUSED", "paused"), t)).toContain("平台已被监管机构暂停");
    expect(ledgerErrorMessage(new ApiError(409, "INVALID_PATENT_STATE", "x"), t)).toContain("状态不允许");
  });

  it("falls back to the API's message for a code it does not know", () => {
    const error = new ApiError(400, "VALIDATION_FAILED", "body.title: required");
    expect(ledgerErrorMessage(error, t)).toBe("body.title: required");
  });

  it("says the server could not be reached on a network failure", () => {
    expect(ledgerErrorMessage(new ApiError(0, "NETWORK", "x"), t)).toBe(zhCN.errors.network);
  });

  it("describes a non-API error", () => {
    expect(ledgerErrorMessage(new Error("boom"), t)).toBe("出错了：boom");
  });
});
