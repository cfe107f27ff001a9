/**
 * A contract's custom error as the API's error: the status and code SPEC section 5 asks for, the
 * error's name and its decoded arguments in `details`.
 */
import { Interface, type ErrorDescription } from "ethers";
import { PatentRegistry__factory, PledgeFinance__factory } from "../../../typechain-types/index.js";
import { ApiError } from "../errors.js";
import { LOAN_STATUSES, PATENT_STATUSES } from "../domain/ledger.js";

const ERRORS = new Interface([
  ...PledgeFinance__factory.abi.filter((item) => item.type === "error"),
  ...PatentRegistry__factory.abi.filter(
    (item) =>
      item.type === "error" &&
      !PledgeFinance__factory.abi.some(
        (other) => other.type === "error" && other.name === (item as { name: string }).name,
      ),
  ),
]);

/** Contract error -> [HTTP status, API code]. Anything unlisted is a 409 CONTRACT_REVERTED. */
const STATUS_OF: Record<string, [number, string]> = {
  PatentRegistryMalformedNumber: [400, "INVALID_PATENT_NUMBER"],
  PatentRegistryWrongCheckDigit: [400, "INVALID_PATENT_NUMBER"],
  PatentRegistryKindMismatch: [400, "PATENT_KIND_MISMATCH"],
  PatentRegistryAlreadyRegistered: [409, "PATENT_ALREADY_REGISTERED"],
  PatentRegistryUnknownPatent: [404, "NOT_FOUND"],
  PatentRegistryUnexpectedPatentState: [409, "INVALID_PATENT_STATE"],
  PatentRegistryInvalidDates: [422, "INVALID_DATES"],
  PatentRegistryMissingDocumentHash: [422, "MISSING_DOCUMENT"],
  PatentRegistryInvalidAppraisal: [422, "INVALID_APPRAISAL"],
  PatentRegistryNotOwner: [403, "NOT_OWNER"],
  PatentRegistryPatentExpired: [422, "PATENT_EXPIRED"],
  PatentRegistryPatentInActiveLoan: [409, "PATENT_IN_ACTIVE_LOAN"],
  PatentRegistryTransferOnlyByRegister: [409, "TRANSFER_ONLY_BY_REGISTER"],
  PatentRegistryInvalidNewOwner: [422, "INVALID_NEW_OWNER"],
  PatentRegistryFeeUnpaid: [422, "PLEDGE_REFUSED_FEE_UNPAID"],
  PatentRegistryPreserved: [422, "PLEDGE_REFUSED_PRESERVED"],
  PatentRegistryInvalidationPending: [422, "PLEDGE_REFUSED_INVALIDATION_PENDING"],
  PatentRegistryExpiresBeforeMaturity: [422, "PLEDGE_REFUSED_EXPIRES_BEFORE_MATURITY"],
  AccessControlUnauthorizedAccount: [403, "ROLE_NOT_GRANTED"],
  EnforcedPause: [409, "PLATFORM_PAUSED"],
  ExpectedPause: [409, "PLATFORM_NOT_PAUSED"],
  PledgeFinanceUnexpectedLoanState: [409, "INVALID_LOAN_STATE"],
  PledgeFinanceNotLoanParty: [403, "NOT_LOAN_PARTY"],
  PledgeFinanceAccountHoldsRole: [409, "ACCOUNT_HOLDS_ROLE"],
  PledgeFinanceInvalidParams: [422, "INVALID_PARAMS"],
  PledgeFinanceInvalidProduct: [422, "INVALID_PRODUCT"],
  PledgeFinanceUnknownProduct: [404, "NOT_FOUND"],
  PledgeFinanceNotProductBank: [403, "NOT_PRODUCT_BANK"],
  PledgeFinanceProductInactive: [422, "PRODUCT_INACTIVE"],
  PledgeFinanceInvalidCollateralCount: [422, "INVALID_COLLATERAL_COUNT"],
  PledgeFinanceAmountOutOfRange: [422, "AMOUNT_OUT_OF_RANGE"],
  PledgeFinanceRateOutOfRange: [422, "RATE_OUT_OF_RANGE"],
  PledgeFinanceTermOutOfRange: [422, "TERM_OUT_OF_RANGE"],
  PledgeFinanceLtvExceeded: [422, "LTV_EXCEEDED"],
  PledgeFinanceInvalidRegistrationNo: [422, "INVALID_REGISTRATION_NO"],
  PledgeFinanceCollateralExpiresBeforeMaturity: [422, "COLLATERAL_EXPIRES_BEFORE_MATURITY"],
  PledgeFinanceOverpayment: [422, "OVERPAYMENT"],
  PledgeFinanceNotYetDefaultable: [422, "NOT_YET_DEFAULTABLE"],
  PledgeFinanceAlreadyCompensated: [409, "ALREADY_COMPENSATED"],
  PledgeFinanceNotCompensated: [409, "NOT_COMPENSATED"],
  PledgeFinanceInvalidBuyer: [422, "INVALID_BUYER"],
  // Key rotation (SPEC section 8): a retired key signs for nobody; a new key must be nobody yet.
  PledgeFinanceKeyRetired: [409, "KEY_RETIRED"],
  PledgeFinanceKeyNotFresh: [409, "KEY_NOT_FRESH"],
  PledgeFinanceNotMember: [409, "NOT_A_MEMBER"],
  PledgeFinanceNotKeyProposer: [403, "NOT_KEY_PROPOSER"],
  PledgeFinanceNotProposedKey: [409, "NOT_PROPOSED_KEY"],
  PledgeFinanceUnknownRole: [422, "UNKNOWN_ROLE"],
};

export function decodeRevert(data: string | undefined | null): ErrorDescription | null {
  if (!data || data === "0x") return null;
  try {
    return ERRORS.parseError(data);
  } catch {
    return null;
  }
}

export function revertToApiError(description: ErrorDescription): ApiError {
  const [status, code] = STATUS_OF[description.name] ?? [409, "CONTRACT_REVERTED"];
  const states = description.name.includes("LoanState") ? LOAN_STATUSES : PATENT_STATUSES;
  const args = Object.fromEntries(
    description.fragment.inputs.map((input, i) => [input.name, jsonValue(input.name, description.args[i], states)]),
  );
  return new ApiError(status, code, `the ledger refused: ${description.name}`, {
    contractError: description.name,
    args,
  });
}

function jsonValue(name: string, value: unknown, states: readonly string[]): unknown {
  if (name === "current" && typeof value === "bigint") return states[Number(value)];
  if (name === "expectedStates" && typeof value === "string") {
    const bits = BigInt(value);
    return states.filter((_, i) => (bits >> BigInt(i)) & 1n);
  }
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map((item) => jsonValue("", item, states));
  return value;
}
