import { describe, expect, it } from "vitest";
import { managesUsersOf } from "./UsersAdmin";

describe("managesUsersOf (SPEC section 8: nobody above the regulator)", () => {
  it("gives the regulators the users of the organisations they seat, and the operator the rest", () => {
    for (const kind of ["regulator", "ipoffice", "appraiser", "fund"]) {
      expect(managesUsersOf("regulator", kind)).toBe(true);
      expect(managesUsersOf("admin", kind)).toBe(false);
    }
    for (const kind of ["enterprise", "bank", "admin"]) {
      expect(managesUsersOf("admin", kind)).toBe(true);
      expect(managesUsersOf("regulator", kind)).toBe(false);
    }
  });
});
