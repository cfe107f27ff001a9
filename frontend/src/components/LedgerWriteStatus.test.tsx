import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/apiClient";
import { renderWithApp } from "@/test/render";
import { LedgerWriteStatus, type LedgerWriteState } from "./LedgerWriteStatus";

const idle: LedgerWriteState = { isPending: false, isError: false, isSuccess: false, error: null };

describe("LedgerWriteStatus", () => {
  it("shows nothing before the first submit", () => {
    const { container } = renderWithApp(<LedgerWriteStatus mutation={idle} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("says it waits for the ledger while the transaction confirms", () => {
    renderWithApp(<LedgerWriteStatus mutation={{ ...idle, isPending: true }} testId="w" />);
    expect(screen.getByTestId("w-pending")).toHaveTextContent("等待链上确认…");
  });

  it("shows the transaction hash once confirmed", () => {
    const txHash = `0x${"ab".repeat(32)}`;
    renderWithApp(<LedgerWriteStatus mutation={{ ...idle, isSuccess: true, data: { txHash } }} testId="w" />);
    expect(screen.getByTestId("w-success")).toHaveTextContent("已上链确认");
    expect(screen.getByTitle(txHash)).toBeInTheDocument();
  });

  it("explains a refusal in words", () => {
    const error = new ApiError(409, "PLATFORM_PAUSED", "the platform is paused");
    renderWithApp(<LedgerWriteStatus mutation={{ ...idle, isError: true, error }} testId="w" />);
    expect(screen.getByTestId("w-error")).toHaveTextContent("平台已被监管机构暂停");
  });
});
