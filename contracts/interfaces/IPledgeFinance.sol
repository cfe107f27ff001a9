// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title Types, errors and events of the iPledge finance core
/// @notice The loan state machine of SPEC section 3. Amounts are integer fen in uint96 (about
///         7.9e26 yuan, far above any loan), rates are basis points, terms are days, times are unix
///         seconds of chain time in uint32 (valid until 2106). "Now" is the latest block's time.
interface IPledgeFinanceTypes {
    /// @notice Where a loan stands. Append-only: the order is part of the ABI.
    enum LoanStatus {
        None,
        Applied,
        Approved,
        Rejected,
        Withdrawn,
        Pledged,
        Cancelled,
        Disbursed,
        Repaid,
        Defaulted,
        Disposed,
        Closed
    }

    /// @notice Platform parameters, set by the operator.
    struct Params {
        uint16 ltvCapBps; // the highest loan-to-value any product may use (default 50%)
        uint16 graceDays; // days after maturity before a default may be declared (default 90)
        uint16 fundShareBps; // the fund's share of a defaulted loan's outstanding amount (default 50%)
        uint96 fundCapacity; // the most the fund pays in compensation, in total
        // days after a default the fund has to compensate; then the bank may dispose without it (default 30)
        uint16 fundDecisionDays;
    }

    /// @notice A bank's IP-loan product and its bounds.
    struct Product {
        address bank;
        uint96 maxAmount;
        uint16 minRateBps;
        uint16 maxRateBps;
        uint16 maxTermDays;
        uint16 ltvBps;
        bool active;
    }

    /// @notice The terms a bank publishes, as passed to {IPledgeFinance-createProduct}.
    struct ProductTerms {
        uint96 maxAmount;
        uint16 minRateBps;
        uint16 maxRateBps;
        uint16 maxTermDays;
        uint16 ltvBps;
    }

    /// @notice A loan. Interest and penalty due are as of `accruedAt`; {IPledgeFinance-owedAt} brings them to any time.
    struct Loan {
        // slot 0
        address borrower;
        LoanStatus status;
        uint32 productId;
        uint16 termDays;
        uint16 rateBps;
        bool compensated;
        uint16 graceDays; // the grace period in force at disbursement
        // slot 1
        address bank;
        uint32 registeredAt;
        uint32 disbursedAt;
        uint32 collateralExpiry; // the earliest expiry of the pledged patents: maturity may not pass it
        // slot 2
        uint96 requestedAmount;
        uint96 amount; // approved principal
        uint32 maturityAt;
        uint32 accruedAt;
        // slot 3
        uint96 principalOutstanding;
        uint96 interestDue;
        uint16 fundShareBps; // the fund's share in force at disbursement
        // slot 4
        uint96 penaltyDue;
        uint96 repaid;
        // slot 5
        uint96 outstandingAtDefault;
        uint96 compensation;
        uint32 defaultedAt;
        uint32 fundDecisionBy; // from then on the bank may dispose without the fund's compensation
        // slot 6
        uint96 recovered;
        string registrationNo;
        uint256[] patentIds;
    }

    /// @notice How one repayment was split: penalty first, then interest, then principal.
    struct Allocation {
        uint256 amount;
        uint256 penalty;
        uint256 interest;
        uint256 principal;
    }

    /// @notice What a loan owes at a moment.
    struct Owed {
        uint256 principal;
        uint256 interest;
        uint256 penalty;
        uint256 total;
    }
}

interface IPledgeFinanceErrors is IPledgeFinanceTypes {
    /// @notice The loan is in `current`; the action needs one of the states set in the `expectedStates` bitmap.
    error PledgeFinanceUnexpectedLoanState(uint256 loanId, LoanStatus current, bytes32 expectedStates);
    /// @notice Only the loan's own bank (or its own borrower, for a withdrawal) may act on it.
    error PledgeFinanceNotLoanParty(uint256 loanId, address account);
    /// @notice An account holds one role only: the operator can never also be a bank.
    error PledgeFinanceAccountHoldsRole(address account, bytes32 role);
    /// @notice The last regulator cannot leave: someone must always be able to pause and to seat authorities.
    error PledgeFinanceLastRegulator(address account);
    /// @notice Only the organisations' kinds are roles here (and the operator's, DEFAULT_ADMIN_ROLE).
    error PledgeFinanceUnknownRole(bytes32 role);
    /// @notice A key that was rotated out can do nothing any more, and is never seated again.
    error PledgeFinanceKeyRetired(address key);
    /// @notice The account already signs for an organisation, is the operator, or was retired: a new key must be fresh.
    error PledgeFinanceKeyNotFresh(address key);
    /// @notice Only an organisation that holds a role has a key to rotate.
    error PledgeFinanceNotMember(address identity);
    /// @notice A rotation is proposed by the organisation's own key or by a regulator.
    error PledgeFinanceNotKeyProposer(address identity, address account);
    /// @notice Only the key proposed for the organisation may accept it.
    error PledgeFinanceNotProposedKey(address identity, address account);
    error PledgeFinanceRegistryAlreadySet(address registry);
    error PledgeFinanceRegistryMismatch(address registry, address registryFinance);
    error PledgeFinanceInvalidParams(Params params);
    /// @notice Bounds: 0 < maxAmount <= MAX_AMOUNT, minRate <= maxRate <= 100%, 0 < maxTermDays <= MAX_TERM_DAYS,
    ///         0 < ltv <= the platform's cap.
    error PledgeFinanceInvalidProduct(ProductTerms terms);
    error PledgeFinanceUnknownProduct(uint256 productId);
    error PledgeFinanceNotProductBank(uint256 productId, address account);
    error PledgeFinanceProductInactive(uint256 productId);
    /// @notice A loan pledges between 1 and {MAX_PATENTS_PER_LOAN} patents.
    error PledgeFinanceInvalidCollateralCount(uint256 count);
    error PledgeFinanceAmountOutOfRange(uint256 amount, uint256 min, uint256 max);
    error PledgeFinanceRateOutOfRange(uint256 rateBps, uint256 min, uint256 max);
    error PledgeFinanceTermOutOfRange(uint256 termDays, uint256 min, uint256 max);
    /// @notice Approved principal above the LTV cap x the patents' valid appraisals.
    error PledgeFinanceLtvExceeded(
        uint256 loanId,
        uint256 amount,
        uint256 maxAmount,
        uint256 appraisedTotal,
        uint256 ltvBps
    );
    error PledgeFinanceInvalidRegistrationNo();
    /// @notice Disbursement checks again, with the real date, that every patent outlives the maturity.
    error PledgeFinanceCollateralExpiresBeforeMaturity(uint256 loanId, uint256 collateralExpiry, uint256 maturity);
    error PledgeFinanceOverpayment(uint256 loanId, uint256 amount, uint256 owed);
    /// @notice Default is possible only after maturity plus the grace period.
    error PledgeFinanceNotYetDefaultable(uint256 loanId, uint256 defaultableAt);
    error PledgeFinanceAlreadyCompensated(uint256 loanId);
    /// @notice The fund pays its share before the collateral is disposed of.
    /// @notice Disposal waits for the fund's compensation until `fundDecisionBy`, no longer.
    error PledgeFinanceNotCompensated(uint256 loanId, uint256 fundDecisionBy);
    error PledgeFinanceInvalidBuyer(address buyer);
    /// @notice {owedAt} cannot look before the loan's last accrual.
    error PledgeFinanceTimeBeforeAccrual(uint256 loanId, uint256 time, uint256 accruedAt);
}

interface IPledgeFinanceEvents is IPledgeFinanceTypes {
    event RegistrySet(address indexed registry);
    event ParamsUpdated(address indexed actor, Params params);
    /// @notice `proposer` (the organisation itself or a regulator) proposed `newKey` to sign for `identity`.
    event KeyRotationProposed(address indexed identity, address indexed proposer, address newKey);
    /// @notice `newKey` now signs for `identity`; `oldKey` is retired for good.
    event KeyRotated(address indexed identity, address oldKey, address newKey);
    event ProductCreated(uint256 indexed productId, address indexed bank, ProductTerms terms, bytes32 detailsHash);
    event ProductStatusChanged(uint256 indexed productId, address indexed bank, bool active);
    event LoanApplied(
        uint256 indexed loanId,
        address indexed borrower,
        address indexed bank,
        uint256 productId,
        uint256[] patentIds,
        uint256 requestedAmount,
        uint256 termDays,
        bytes32 purposeHash
    );
    event LoanWithdrawn(uint256 indexed loanId, address indexed borrower, uint256[] patentIds);
    event LoanApproved(
        uint256 indexed loanId,
        address indexed bank,
        uint256 amount,
        uint256 rateBps,
        uint256 termDays,
        uint256 appraisedTotal,
        uint256 ltvBps
    );
    event LoanRejected(uint256 indexed loanId, address indexed bank, uint256[] patentIds, bytes32 reasonHash);
    /// @notice `fromStatus` is Approved, or Pledged when the pledge on `patentIds` was lifted with the loan.
    event LoanCancelled(
        uint256 indexed loanId,
        address indexed bank,
        uint256[] patentIds,
        LoanStatus fromStatus,
        bytes32 reasonHash
    );
    event PledgeRegistered(
        uint256 indexed loanId,
        address indexed ipoffice,
        address indexed borrower,
        uint256[] patentIds,
        string registrationNo,
        uint256 registeredAt,
        uint256 estimatedMaturity
    );
    /// @notice `graceDays` and `fundShareBps` are the platform's parameters in force now; they stay the loan's.
    event LoanDisbursed(
        uint256 indexed loanId,
        address indexed bank,
        uint256 amount,
        uint256 disbursedAt,
        uint256 maturityAt,
        uint256 graceDays,
        uint256 fundShareBps,
        bytes32 referenceHash
    );
    /// @notice `paid` is how the repayment was allocated, `remaining` what is still owed after it, and
    ///         `status` the loan's state after it: Repaid when nothing is owed.
    event RepaymentRecorded(
        uint256 indexed loanId,
        address indexed bank,
        Allocation paid,
        Owed remaining,
        LoanStatus status,
        bytes32 referenceHash
    );
    event LoanDefaulted(
        uint256 indexed loanId,
        address indexed bank,
        uint256 principalOutstanding,
        uint256 interestDue,
        uint256 penaltyDue,
        uint256 outstandingAtDefault,
        uint256 fundDecisionBy
    );
    event LossCompensated(
        uint256 indexed loanId,
        address indexed fund,
        uint256 compensation,
        uint256 outstandingAtDefault,
        uint256 fundPaidTotal
    );
    /// @notice Recovery up to the amount outstanding at default is split between bank and fund in
    ///         proportion to the loss each bore; anything above it is the borrower's surplus.
    event CollateralDisposed(
        uint256 indexed loanId,
        address indexed bank,
        address indexed buyer,
        uint256[] patentIds,
        uint256 recovered,
        uint256 bankRecovery,
        uint256 fundRecovery,
        uint256 borrowerSurplus,
        bytes32 referenceHash
    );
    /// @notice The IP office cancelled the pledge (注销); `fromStatus` is Repaid or Disposed.
    event PledgeReleased(uint256 indexed loanId, address indexed ipoffice, uint256[] patentIds, LoanStatus fromStatus);
}

/// @title The finance core's external interface
interface IPledgeFinance is IPledgeFinanceErrors, IPledgeFinanceEvents {
    // ---- platform ----

    /// @notice Binds the patent registry once; it must name this contract as its finance core.
    function setRegistry(address registry) external;

    function setParams(Params calldata params) external;

    function pause() external;

    function unpause() external;

    /// @notice True while the regulator has stopped every state change.
    function paused() external view returns (bool);

    /// @notice How many accounts hold the regulator role; while none does, the operator may seat the first.
    function regulatorCount() external view returns (uint256);

    /// @notice Reverts unless the platform is running and the key `account` signs for an organisation
    ///         holding `role`; returns that organisation's identity. The registry asks this.
    function requireActiveRole(bytes32 role, address account) external view returns (address identity);

    // ---- keys ----

    /// @notice Proposes `newKey` as the key that signs for the organisation `identity` (its first address,
    ///         which its patents, products and loans keep naming). Proposed by the organisation's own
    ///         key (a staff change) or by a regulator (a lost or stolen key); a later proposal replaces
    ///         an earlier one. While paused only a regulator proposes (a compromised key is why one pauses,
    ///         and its thief must not outrun the regulator); the proposed key may accept while paused.
    function proposeKeyRotation(address identity, address newKey) external;

    /// @notice Called by the proposed key: it signs for `identity` from now on and the previous key is retired.
    function acceptKeyRotation(address identity) external;

    /// @notice The key that signs for `identity` (the identity itself until rotated).
    function keyOf(address identity) external view returns (address);

    /// @notice The organisation `key` signs for (`key` itself if it is no organisation's rotated key).
    function identityOf(address key) external view returns (address);

    /// @notice The key proposed for `identity` and not yet accepted, or zero.
    function proposedKeyOf(address identity) external view returns (address);

    /// @notice Whether `key` was rotated out.
    function isRetiredKey(address key) external view returns (bool);

    // ---- products ----

    function createProduct(ProductTerms calldata terms, bytes32 detailsHash) external returns (uint256 productId);

    function setProductActive(uint256 productId, bool active) external;

    // ---- the loan's life ----

    function applyForLoan(
        uint256 productId,
        uint256[] calldata patentIds,
        uint96 requestedAmount,
        uint16 termDays,
        bytes32 purposeHash
    ) external returns (uint256 loanId);

    function withdrawApplication(uint256 loanId) external;

    function approveLoan(uint256 loanId, uint96 amount, uint16 rateBps, uint16 termDays) external;

    function rejectApplication(uint256 loanId, bytes32 reasonHash) external;

    /// @notice The bank calls the loan off before disbursing: from Approved, or from Pledged, when the
    ///         pledge registered on its patents is lifted with it (otherwise a loan whose collateral
    ///         would expire before a late disbursement's maturity could never leave Pledged).
    function cancelLoan(uint256 loanId, bytes32 reasonHash) external;

    function registerPledge(uint256 loanId, string calldata registrationNo) external;

    function disburse(uint256 loanId, bytes32 referenceHash) external;

    function repay(uint256 loanId, uint96 amount, bytes32 referenceHash) external;

    /// @notice Settles exactly what is owed at this block.
    function repayInFull(uint256 loanId, bytes32 referenceHash) external;

    function declareDefault(uint256 loanId) external;

    function compensate(uint256 loanId) external;

    function dispose(uint256 loanId, address buyer, uint96 recovered, bytes32 referenceHash) external;

    function releasePledge(uint256 loanId) external;

    // ---- views ----

    function registry() external view returns (address);

    function params() external view returns (Params memory);

    function fundPaid() external view returns (uint256);

    function productCount() external view returns (uint256);

    function loanCount() external view returns (uint256);

    function getProduct(uint256 productId) external view returns (Product memory);

    function getLoan(uint256 loanId) external view returns (Loan memory);

    /// @notice What the loan owes at `time` (not before its last accrual), rounded down to the fen.
    function owedAt(uint256 loanId, uint256 time) external view returns (Owed memory);

    /// @notice The earliest time a default may be declared: maturity plus the loan's grace period
    ///         (0 before disbursement).
    function defaultableAt(uint256 loanId) external view returns (uint256);
}
