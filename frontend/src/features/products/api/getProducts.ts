import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import type { Page } from "@/types/api";
import type { Product } from "./types";

/** A market holds tens of products, so one page of 200 is all of them; sorting happens on screen. */
export interface ProductQuery {
  bankOrgId?: string;
  active?: boolean;
}

export const productsQueryKey = (query?: ProductQuery) =>
  query ? (["products", "list", query] as const) : (["products"] as const);

export const getProducts = (query: ProductQuery, signal?: AbortSignal) =>
  api.get<Page<Product>>("/products", { ...query, limit: 200 }, signal);

export function useProducts(query: ProductQuery = {}) {
  return useQuery({ queryKey: productsQueryKey(query), queryFn: ({ signal }) => getProducts(query, signal) });
}
