import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, renderWithApp } from "@/test/render";
import type { Notification } from "../api/getNotifications";
import { NotificationsList } from "./NotificationsList";

const notice = (topic: string, entity: string, entityId: string, data: Record<string, unknown> = {}): Notification => ({
  id: `${topic}-${entityId}`,
  topic,
  entity,
  entityId,
  actionRequired: false,
  open: false,
  data,
  createdAt: "2026-12-04T00:00:00.000Z",
  blockNumber: 7,
});

function stubNotifications(items: Notification[]) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => jsonResponse(200, { items, total: items.length, open: 0 })),
  );
}

describe("NotificationsList", { timeout: 20_000 }, () => {
  it("says each notice in words with its numbers and opens the page where the next step is taken", async () => {
    stubNotifications([
      notice("loan_maturing", "loan", "12", { days: 30 }),
      notice("fee_due", "patent", "CN202110123456.7", { loanId: "12" }),
      notice("collateral_risk_cleared", "loan", "13"),
    ]);
    renderWithApp(<NotificationsList role="bank" />, { url: "/notifications?filter=all" });
    const maturing = await screen.findByTestId("notification-loan_maturing-12");
    expect(within(maturing).getByRole("link")).toHaveTextContent("贷款将在 30 天内到期");
    expect(within(maturing).getByRole("link")).toHaveAttribute("href", "/loans/12");
    const fee = screen.getByTestId("notification-fee_due-CN202110123456.7");
    expect(within(fee).getByRole("link")).toHaveAttribute("href", "/patents/CN202110123456.7");
    const cleared = screen.getByTestId("notification-collateral_risk_cleared-13");
    expect(within(cleared).getByRole("link")).toHaveTextContent("质押物法律状态已恢复，风险解除");
    expect(screen.getByRole("link", { name: "贷款 #12" })).toHaveAttribute("href", "/loans/12");
  });

  it("links no page the role may not open", async () => {
    stubNotifications([notice("loan_maturing", "loan", "12", { days: 7 })]);
    renderWithApp(<NotificationsList role="appraiser" />, { url: "/notifications?filter=all" });
    const maturing = await screen.findByTestId("notification-loan_maturing-12");
    expect(maturing).toHaveTextContent("贷款将在 7 天内到期");
    expect(within(maturing).queryByRole("link")).toBeNull();
  });
});
