import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import type { Patent } from "../api/types";
import { legalStatusChange } from "./IpOfficeActions";

const patent = {
  legalStatus: { feePaidUntil: "2027-12-31T00:00:00.000Z", preserved: false, invalidationPending: false },
} as Patent;

describe("legalStatusChange", () => {
  it("sends only what changed", () => {
    expect(
      legalStatusChange(patent, {
        feePaidUntil: dayjs("2027-12-31T00:00:00.000Z"),
        preserved: true,
        invalidationPending: false,
      }),
    ).toEqual({ preserved: true });
  });

  it("sends a new fee date as a day", () => {
    expect(
      legalStatusChange(patent, { feePaidUntil: dayjs("2028-06-30"), preserved: false, invalidationPending: true }),
    ).toEqual({ feePaidUntil: "2028-06-30", invalidationPending: true });
  });

  it("sends nothing when nothing changed or the date was cleared", () => {
    expect(legalStatusChange(patent, { feePaidUntil: null, preserved: false, invalidationPending: false })).toEqual({});
  });
});
