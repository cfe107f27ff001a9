/** A bank's IP-loan product (GET /api/products), as the API's OpenAPI document describes it. */
import type { Schemas } from "@/types/api";

export type Product = Schemas["Product"];

/** What the web app sends to publish a product (the API also takes money as a JSON integer). */
export type NewProduct = Schemas["NewProduct"] & { maxAmount: string };
