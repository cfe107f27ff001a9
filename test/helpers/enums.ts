/** TypeScript mirrors of the contracts' enums. Their order is the ABI's: append only. */

export const PatentStatus = {
  None: 0n,
  Registered: 1n,
  Verified: 2n,
  Rejected: 3n,
  Pledged: 4n,
  Revoked: 5n,
} as const;
export type PatentStatus = (typeof PatentStatus)[keyof typeof PatentStatus];

export const PatentKind = {
  Invention: 0n,
  UtilityModel: 1n,
  Design: 2n,
} as const;
export type PatentKind = (typeof PatentKind)[keyof typeof PatentKind];

export const LoanStatus = {
  None: 0n,
  Applied: 1n,
  Approved: 2n,
  Rejected: 3n,
  Withdrawn: 4n,
  Pledged: 5n,
  Cancelled: 6n,
  Disbursed: 7n,
  Repaid: 8n,
  Defaulted: 9n,
  Disposed: 10n,
  Closed: 11n,
} as const;
export type LoanStatus = (typeof LoanStatus)[keyof typeof LoanStatus];

export const loanStatusName = (status: bigint): string =>
  Object.entries(LoanStatus).find(([, value]) => value === status)?.[0] ?? `#${status}`;

/** The `expectedStates` bitmap of the unexpected-state errors. */
export function stateBits(...states: bigint[]): string {
  const bits = states.reduce((acc, state) => acc | (1n << state), 0n);
  return "0x" + bits.toString(16).padStart(64, "0");
}
