import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import { IntegrityCheck } from "./IntegrityCheck";

const report = (mismatches: unknown[]) => ({
  ok: mismatches.length === 0,
  checked: 266,
  checkedByKind: { events: 142, patents: 17 },
  atBlock: 172,
  mismatches,
});

describe("IntegrityCheck", () => {
  it("runs on the button, then says the database agrees with the ledger", async () => {
    const fetch = vi.fn().mockResolvedValue(jsonResponse(200, report([])));
    vi.stubGlobal("fetch", fetch);
    renderWithApp(<IntegrityCheck />);
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("verify-button"));
    expect(await screen.findByTestId("integrity-ok")).toHaveTextContent("截至区块 172，共核验 266 条记录");
    expect(fetch).toHaveBeenCalledWith("/api/audit/verify", expect.anything());
    expect(screen.getByTestId("integrity-result")).toHaveTextContent("审计事件");
  });

  it("lists each mismatch with the database's and the ledger's value", async () => {
    vi.stubGlobal(
      "fetch",
      vi
        .fn()
        .mockResolvedValue(
          jsonResponse(200, report([{ entity: "loan", id: "7", field: "amount", database: "100", chain: "200" }])),
        ),
    );
    renderWithApp(<IntegrityCheck />);
    fireEvent.click(screen.getByTestId("verify-button"));
    expect(await screen.findByTestId("integrity-failed")).toHaveTextContent("发现 1 处不一致");
    const table = screen.getByTestId("integrity-mismatches");
    for (const text of ["loan", "7", "amount", "100", "200"]) expect(table).toHaveTextContent(text);
  });
});
