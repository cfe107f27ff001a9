/**
 * The API's shapes, generated from its OpenAPI document into api.gen.ts (`npm run api:types`;
 * `npm run lint` fails while that file is stale), so the web app never restates the backend's.
 * Money is fen as a decimal string.
 */
import type { components } from "./api.gen";

export type Schemas = components["schemas"];

export interface Page<T> {
  items: T[];
  total: number;
}

export type Organisation = Schemas["Organisation"];

/** One contract event from the audit trail, as the indexer mirrored it. */
export type AuditEvent = Schemas["AuditEvent"];

/**
 * Every value of an API enum, in an order of the web app's own (a chart's stack, say): the
 * compiler refuses a value the API does not have and names any value the list leaves out.
 */
export const everyValueOf =
  <T extends string>() =>
  <const L extends readonly T[]>(
    list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> }),
  ): L =>
    list;
