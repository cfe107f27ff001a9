import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/apiClient";
import { productsQueryKey } from "./getProducts";
import type { NewProduct, Product } from "./types";

type WithTx<T> = T & { txHash: string; blockNumber: number };

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (product: NewProduct) => api.post<WithTx<Product>>("/products", product),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey() }),
  });
}

export function useSetProductActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api.post<WithTx<Product>>(`/products/${encodeURIComponent(id)}/status`, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: productsQueryKey() }),
  });
}
