import { describe, expect, it } from "vitest";
import { auditEventsQuery, filtersFromSearch, filtersToSearch } from "./auditFilters";

describe("audit filters", () => {
  it("reads every filter from the URL", () => {
    const params = new URLSearchParams(
      "entity=loan&entityId=12&orgId=3&kind=LoanApplied&fromBlock=10&toBlock=200&from=2026-01-01T00:00:00.000Z&to=2026-02-01T00:00:00.000Z",
    );
    expect(filtersFromSearch(params)).toEqual({
      entity: "loan",
      entityId: "12",
      orgId: "3",
      kind: "LoanApplied",
      fromBlock: 10,
      toBlock: 200,
      from: "2026-01-01T00:00:00.000Z",
      to: "2026-02-01T00:00:00.000Z",
    });
  });

  it("leaves out what is malformed rather than sending it", () => {
    const params = new URLSearchParams("entity=bogus&orgId=0&kind=Loan%20Applied&fromBlock=-1&toBlock=abc&from=nope");
    expect(filtersToSearch(filtersFromSearch(params))).toBe("");
  });

  it("writes the filters as a query string in a fixed order, without empty ones", () => {
    expect(filtersToSearch({ kind: "PatentVerified", entity: "patent", entityId: "", fromBlock: 0 })).toBe(
      "entity=patent&kind=PatentVerified&fromBlock=0",
    );
  });

  it("round-trips through the URL", () => {
    const filters = { entity: "patent" as const, entityId: "CN201710601862.3", toBlock: 5 };
    expect(filtersFromSearch(new URLSearchParams(filtersToSearch(filters)))).toEqual({
      ...filters,
      orgId: undefined,
      kind: undefined,
      fromBlock: undefined,
      from: undefined,
      to: undefined,
    });
  });

  it("adds the cursor and page size for the API", () => {
    expect(auditEventsQuery({ kind: "LoanApplied" }, "169-0", 50)).toEqual({
      kind: "LoanApplied",
      cursor: "169-0",
      limit: 50,
    });
  });
});
