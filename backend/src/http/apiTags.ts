/**
 * The OpenAPI document's tags: one per area of the API, in the order a reader meets them. Every
 * route names one (RouteDefinition.tag), so a client generator can group its operations.
 */
export const API_TAGS = {
  system: "Health of the database, the chain node and the indexer; on a local dev chain, moving chain time",
  auth: "Signing in and out, the signed-in user, changing one's own password",
  users: "User accounts of the organisations, password resets and the account audit log",
  organisations: "Onboarding organisations, their roles on the ledger and their signing keys",
  platform:
    "The platform parameters (LTV cap, grace days, the risk fund's share, capacity and decision window) and the pause",
  patents: "Patents on the ledger: registration, verification by the IP office, legal status, transfers, appraisals",
  products: "Banks' IP-loan products",
  loans:
    "Loans from application through approval, pledge registration, disbursement, repayment or default and disposal",
  documents: "Documents the ledger anchors by SHA-256 (certificates, valuation reports, notices): download and check",
  notifications: "What needs the signed-in organisation's attention",
  audit:
    "The audit trail of ledger events, transactions and blocks, the integrity check against the chain, dashboard statistics",
} as const;

export type ApiTag = keyof typeof API_TAGS;

/** The document's global tag list. */
export const apiTags = () => Object.entries(API_TAGS).map(([name, description]) => ({ name, description }));
