import type { Product } from "../api/types";

/**
 * Whether a product matches the market's search: part of its name or its bank's name, ignoring
 * case and surrounding spaces. The market is read whole (one page of up to 200), so it is searched
 * on screen rather than by the API.
 */
export function matchesProduct(product: Pick<Product, "name" | "bankName">, text: string | undefined): boolean {
  const needle = text?.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [product.name, product.bankName].some((field) => field?.toLocaleLowerCase().includes(needle));
}
