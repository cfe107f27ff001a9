/** Patents as GET /api/patents returns them, as the API's OpenAPI document describes them. */
import type { Schemas } from "@/types/api";

export { PATENT_KINDS, PATENT_STATUSES } from "@/types/api.gen";

export type Patent = Schemas["Patent"];
export type PatentStatus = Patent["status"];
export type PatentKind = Patent["kind"];

/** One valuation; `current` marks the newest unexpired one at chain time, the one that counts. */
export type Appraisal = Schemas["Appraisal"];

export type PatentDetail = Schemas["PatentDetail"];
