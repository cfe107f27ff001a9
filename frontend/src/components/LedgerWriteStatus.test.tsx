import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/apiClient";
import { setSession } from "@/lib/session";
import { renderWithApp } from "@/test/render";
import { LedgerWriteStatus } from "./LedgerWriteStatus";

const txHash = `0x${"ab".repeat(32)}`;

describe("LedgerWriteStatus", () => {
  it("shows nothing before the first submit", () => {
    const { container } = renderWithApp(<LedgerWriteStatus write={{ status: "idle" }} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("says it waits for the ledger while the transaction confirms", () => {
    renderWithApp(<LedgerWriteStatus write={{ status: "pending" }} testId="w" />);
    expect(screen.getByTestId("w-pending")).toHaveTextContent("等待链上确认…");
  });

  it("shows the transaction and its block once confirmed, with what the write made", () => {
    renderWithApp(
      <LedgerWriteStatus
        write={{ status: "success", data: { txHash, blockNumber: 42 } }}
        testId="w"
        success={<span>CN201710601862.3</span>}
      />,
    );
    const status = screen.getByTestId("w-success");
    expect(status).toHaveTextContent("已上链确认");
    expect(status).toHaveTextContent("区块 42");
    expect(status).toHaveTextContent("CN201710601862.3");
    expect(screen.getByTitle(txHash)).toBeInTheDocument();
  });

  it("links a signed-in reader to the transaction in the audit trail", () => {
    setSession({ token: "t", user: { id: "1", username: "reg1", orgId: "1", role: "regulator" } });
    renderWithApp(<LedgerWriteStatus write={{ status: "success", data: { txHash } }} />);
    expect(screen.getByRole("link", { name: "查看交易" })).toHaveAttribute("href", `/audit/tx/${txHash}`);
  });

  it("explains a refusal in words, under the tx- test ids unless told otherwise", () => {
    const error = new ApiError(409, "PLATFORM_PAUSED", "the platform is paused");
    renderWithApp(<LedgerWriteStatus write={{ status: "error", error }} />);
    expect(screen.getByTestId("tx-error")).toHaveTextContent("平台已被监管机构暂停");
    expect(screen.getByRole("alert")).toBe(screen.getByTestId("tx-error"));
  });
});
