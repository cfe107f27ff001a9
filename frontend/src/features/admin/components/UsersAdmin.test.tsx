import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setSession } from "@/lib/session";
import { jsonResponse, renderWithApp } from "@/test/render";
import { managesUsersOf, UsersAdmin } from "./UsersAdmin";

describe("managesUsersOf (SPEC section 8: nobody above the regulator)", () => {
  it("gives the regulators the users of the organisations they seat, and the operator the rest", () => {
    expect(managesUsersOf("regulator", "regulator")).toBe(true);
    expect(managesUsersOf("admin", "regulator")).toBe(false);
    expect(managesUsersOf("admin", "operator")).toBe(true);
    expect(managesUsersOf("regulator", "operator")).toBe(false);
    // until the API has said who seats the organisation, nobody is offered its users
    expect(managesUsersOf("admin", undefined)).toBe(false);
    expect(managesUsersOf("regulator", undefined)).toBe(false);
  });
});

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
/** The API's organisations, each with who seats it (GET /api/orgs/:id). */
const ORGS = [
  { id: "2", name: "星海科技", kind: "enterprise", seatedBy: "operator" },
  { id: "3", name: "第一知识产权局", kind: "ipoffice", seatedBy: "regulator" },
  // a kind the regulators seat today; the page must follow the API's answer, not a list of its own
  { id: "4", name: "风险补偿资金池", kind: "fund", seatedBy: "operator" },
  { id: "5", name: "市金融监管局", kind: "regulator", seatedBy: "regulator" },
].map((org) => ({ ...org, address: address(Number(org.id)), roleGranted: true }));
const USERS = [
  { id: "11", username: "ent-clerk", orgId: "2", role: "enterprise" },
  { id: "12", username: "office-clerk", orgId: "3", role: "ipoffice" },
  { id: "13", username: "fund-clerk", orgId: "4", role: "fund" },
  { id: "14", username: "regulator1", orgId: "5", role: "regulator" },
];

function stubApi() {
  vi.stubGlobal("fetch", async (input: string) => {
    const url = new URL(input, "http://app");
    if (url.pathname === "/api/users") return jsonResponse(200, { items: USERS, total: USERS.length });
    if (url.pathname === "/api/orgs") {
      return jsonResponse(200, {
        items: ORGS.map(({ id, name, kind, address }) => ({ id, name, kind, address })),
        total: ORGS.length,
      });
    }
    const org = ORGS.find((candidate) => url.pathname === `/api/orgs/${candidate.id}`);
    return org
      ? jsonResponse(200, org)
      : jsonResponse(404, { error: { code: "NOT_FOUND", message: "no", details: {} } });
  });
}

describe("UsersAdmin", { timeout: 20_000 }, () => {
  it("offers the regulator the users of the organisations the API says it seats, and says who manages the rest", async () => {
    setSession({ token: "jwt", user: { id: "14", username: "regulator1", orgId: "5", role: "regulator" } });
    stubApi();
    renderWithApp(<UsersAdmin />);

    expect(await screen.findByTestId("reset-password-office-clerk")).toBeInTheDocument();
    expect(screen.getByTestId("delete-user-office-clerk")).toBeInTheDocument();
    expect(screen.getByTestId("managed-elsewhere-ent-clerk")).toHaveTextContent("由平台运营方管理");
    expect(screen.getByTestId("managed-elsewhere-fund-clerk")).toHaveTextContent("由平台运营方管理");
    // its own user: no reset here, its own password is changed with the current one
    const own = screen.getByTestId("users-table").querySelector("tr[data-row-key='14']") as HTMLElement;
    expect(within(own).queryByText("重置密码")).toBeNull();
    expect(screen.getByTestId("delete-user-regulator1")).toBeInTheDocument();
  });

  it("offers the operator the users of the organisations the API says it seats", async () => {
    setSession({ token: "jwt", user: { id: "1", username: "admin", orgId: "1", role: "admin" } });
    stubApi();
    renderWithApp(<UsersAdmin />);

    expect(await screen.findByTestId("reset-password-fund-clerk")).toBeInTheDocument();
    expect(screen.getByTestId("reset-password-ent-clerk")).toBeInTheDocument();
    expect(screen.getByTestId("managed-elsewhere-office-clerk")).toHaveTextContent("由监管机构管理");
    expect(screen.getByTestId("managed-elsewhere-regulator1")).toHaveTextContent("由监管机构管理");
  });
});
