import { describe, expect, it } from "vitest";
import { ROLES } from "@/config/roles";
import { mayRotateKey } from "./RotateKeyDialog";

describe("who may rotate an organisation's key", () => {
  it("matches the API: the operator for enterprises and banks, a regulator for all but the operator", () => {
    const table = Object.fromEntries(
      ["admin", "regulator", "enterprise", "bank"].map((caller) => [
        caller,
        ROLES.filter((kind) => mayRotateKey(caller as (typeof ROLES)[number], { kind })),
      ]),
    );
    expect(table).toEqual({
      admin: ["enterprise", "bank"],
      regulator: ["enterprise", "bank", "appraiser", "ipoffice", "fund", "regulator"],
      enterprise: [],
      bank: [],
    });
  });
});
