import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import { PendingApprovals } from "./PendingApprovals";

const IPOFFICE = {
  id: "7",
  name: "第二知识产权局",
  kind: "ipoffice",
  address: "0x00000000000000000000000000000000000000a7",
};

describe("PendingApprovals", () => {
  it("lists the organisations awaiting the regulator and approves one with the regulator's key", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(jsonResponse(200, { items: [IPOFFICE], total: 1 }))
      .mockResolvedValueOnce(
        jsonResponse(200, {
          ...IPOFFICE,
          roleGranted: true,
          seatedBy: "regulator",
          txHash: `0x${"ab".repeat(32)}`,
          blockNumber: 9,
        }),
      )
      .mockResolvedValue(jsonResponse(200, { items: [], total: 0 }));
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<PendingApprovals />);

    const row = await screen.findByTestId("approval-7");
    expect(within(row).getByText("第二知识产权局")).toBeInTheDocument();
    expect(within(row).getByText("知识产权局")).toBeInTheDocument();
    expect(String(fetch.mock.calls[0]?.[0])).toContain("/api/orgs?awaitingApproval=true");
    fireEvent.click(within(row).getByRole("button", { name: /批\s?准/ }));

    expect(await screen.findByText("第二知识产权局 已获得账本角色。")).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith("/api/orgs/7/approve", expect.objectContaining({ method: "POST" }));
    expect(await screen.findByText("暂无待批准的机构。")).toBeInTheDocument();
  }, 20_000);
});
