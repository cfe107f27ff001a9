import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router-dom";
import { describe, expect, it } from "vitest";
import { firstFilter, oneOf, pageParams, sortOf, sortOrderOf, useListParams } from "./listParams";

const at = (url: string) =>
  function Router({ children }: { children: ReactNode }) {
    return <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>;
  };

describe("useListParams", () => {
  it("reads the page and page size, falling back to page 1 of 20 for what is missing or nonsense", () => {
    expect(
      renderHook(() => useListParams(), { wrapper: at("/loans?page=3&pageSize=50") }).result.current,
    ).toMatchObject({ page: 3, pageSize: 50 });
    expect(
      renderHook(() => useListParams(), { wrapper: at("/loans?page=-2&pageSize=x") }).result.current,
    ).toMatchObject({ page: 1, pageSize: 20 });
  });

  it("sets the named parameters, drops the empty ones and keeps the rest", () => {
    const { result } = renderHook(() => ({ list: useListParams(), location: useLocation() }), {
      wrapper: at("/patents?q=CN1&page=4&status=verified"),
    });
    act(() => result.current.list.update({ status: "pledged", page: undefined }));
    expect(new URLSearchParams(result.current.location.search).toString()).toBe("q=CN1&status=pledged");
  });
});

describe("a Table change in the URL's terms", () => {
  it("turns the sorter into the API's sort and back into a column's order", () => {
    expect(sortOf({ columnKey: "maturityAt", order: "descend" })).toBe("-maturityAt");
    expect(sortOf([{ columnKey: "id", order: "ascend" }])).toBe("id");
    expect(sortOf({ columnKey: "id", order: null })).toBeUndefined();
    expect(sortOrderOf("-maturityAt", "maturityAt")).toBe("descend");
    expect(sortOrderOf("-maturityAt", "id")).toBeNull();
  });

  it("starts again at page 1 when a filter changed, and leaves the default page size out", () => {
    expect(pageParams({ current: 3, pageSize: 20 }, false)).toEqual({ page: "3", pageSize: undefined });
    expect(pageParams({ current: 3, pageSize: 50 }, true)).toEqual({ page: undefined, pageSize: "50" });
    expect(firstFilter(["verified"])).toBe("verified");
    expect(firstFilter(null)).toBeUndefined();
  });

  it("accepts only the values a list knows", () => {
    expect(oneOf(["a", "b"] as const, "b")).toBe("b");
    expect(oneOf(["a", "b"] as const, "c")).toBeUndefined();
  });
});
