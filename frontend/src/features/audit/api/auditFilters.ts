/**
 * The audit trail's filters, kept in the page's URL (so a view can be bookmarked and shared) and
 * sent to GET /api/audit/events. Anything malformed in the URL is left out rather than sent.
 */

export const AUDIT_ENTITIES = ["patent", "loan", "product", "platform", "organisation", "contract"] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditFilters {
  entity?: AuditEntity;
  entityId?: string;
  orgId?: string;
  kind?: string;
  fromBlock?: number;
  toBlock?: number;
  /** ISO 8601 */
  from?: string;
  to?: string;
}

const FIELDS = ["entity", "entityId", "orgId", "kind", "fromBlock", "toBlock", "from", "to"] as const;

const blockNumber = (text: string | null) => (text && /^\d{1,15}$/.test(text) ? Number(text) : undefined);
const isoDate = (text: string | null) => (text && !Number.isNaN(Date.parse(text)) ? text : undefined);

export function filtersFromSearch(params: URLSearchParams): AuditFilters {
  const entity = params.get("entity");
  const entityId = params.get("entityId")?.trim();
  const orgId = params.get("orgId");
  const kind = params.get("kind");
  return {
    entity: (AUDIT_ENTITIES as readonly (string | null)[]).includes(entity) ? (entity as AuditEntity) : undefined,
    entityId: entityId ? entityId.slice(0, 80) : undefined,
    orgId: orgId && /^[1-9]\d{0,17}$/.test(orgId) ? orgId : undefined,
    kind: kind && /^[A-Za-z]{1,64}$/.test(kind) ? kind : undefined,
    fromBlock: blockNumber(params.get("fromBlock")),
    toBlock: blockNumber(params.get("toBlock")),
    from: isoDate(params.get("from")),
    to: isoDate(params.get("to")),
  };
}

/** The filters as a query string, in a fixed order, leaving out what is not set. */
export function filtersToSearch(filters: AuditFilters): string {
  const search = new URLSearchParams();
  for (const field of FIELDS) {
    const value = filters[field];
    if (value !== undefined && value !== "") search.set(field, String(value));
  }
  return search.toString();
}

/** GET /api/audit/events's query: the filters, the page size and where the previous page ended. */
export function auditEventsQuery(filters: AuditFilters, cursor: string | undefined, limit: number) {
  return { ...filters, cursor, limit };
}
