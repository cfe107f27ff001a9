import { describe, expect, it } from "vitest";
import { ROLES } from "@/config/roles";
import { navigationFor, selectedNavKey } from "./navigation";

describe("navigation", () => {
  it("shows each role only the pages it may open", () => {
    const keys = Object.fromEntries(ROLES.map((role) => [role, navigationFor(role).map((item) => item.key)]));
    expect(keys).toEqual({
      enterprise: ["home", "audit", "patentRegister", "patents", "notifications", "products", "loans"],
      bank: ["home", "audit", "patents", "notifications", "products", "myProducts", "loans"],
      appraiser: ["home", "audit", "appraisalQueue", "patents", "notifications", "products"],
      ipoffice: ["home", "audit", "verificationQueue", "patents", "notifications", "products", "loans"],
      fund: ["home", "audit", "patents", "notifications", "products", "loans"],
      regulator: [
        "home",
        "dashboard",
        "audit",
        "integrity",
        "adminOrgs",
        "adminUsers",
        "patents",
        "notifications",
        "products",
        "loans",
      ],
      admin: ["home", "audit", "adminOrgs", "adminUsers", "notifications", "products"],
    });
  });

  it("calls an enterprise's patents its own", () => {
    expect(navigationFor("enterprise").find((item) => item.key === "patents")?.label).toBe("nav.myPatents");
    expect(navigationFor("bank").find((item) => item.key === "patents")?.label).toBe("nav.patents");
  });

  it("selects the entry a URL belongs to", () => {
    const items = navigationFor("enterprise");
    expect(selectedNavKey(items, "/")).toBe("home");
    expect(selectedNavKey(items, "/patents")).toBe("patents");
    expect(selectedNavKey(items, "/patents/CN201710601862.3")).toBe("patents");
    expect(selectedNavKey(items, "/patentsX")).toBeUndefined();
    expect(selectedNavKey(items, "/nowhere")).toBeUndefined();
  });
});
