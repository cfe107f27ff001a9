// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IPatentRegistry} from "./interfaces/IPatentRegistry.sol";
import {IPledgeFinance} from "./interfaces/IPledgeFinance.sol";
import {LoanMath} from "./libraries/LoanMath.sol";
import {Roles} from "./libraries/Roles.sol";

/// @title iPledge finance core
/// @notice The organisations' roles, the platform parameters, the banks' products and the pledge
///         loan's state machine (SPEC section 3):
///
///         Applied -> Approved -> Pledged -> Disbursed -> Repaid -> Closed
///         Applied -> Rejected | Withdrawn;  Approved | Pledged -> Cancelled
///         Disbursed -> Defaulted -> (compensated) -> Disposed -> Closed
///
///         Every state change emits exactly one event, right after it; calls into the registry
///         come last.
///
///         Governance (SPEC section 8, nobody above the regulator): the operator is the default
///         admin, handed over in two steps with a delay, and administers the market's roles
///         (enterprise, bank). The regulators administer their own role and the authorities' (IP
///         office, appraiser, fund), so the operator can neither remove a regulator nor seat a puppet
///         authority; the operator grants only the first regulator, while there is none. One account
///         holds one role, the operator's included. While paused, only the regulators' roles change.
contract PledgeFinance is AccessControlDefaultAdminRules, Pausable, IPledgeFinance {
    using SafeCast for uint256;

    bytes32 public constant ENTERPRISE_ROLE = Roles.ENTERPRISE;
    bytes32 public constant APPRAISER_ROLE = Roles.APPRAISER;
    bytes32 public constant IPOFFICE_ROLE = Roles.IPOFFICE;
    bytes32 public constant BANK_ROLE = Roles.BANK;
    bytes32 public constant FUND_ROLE = Roles.FUND;
    bytes32 public constant REGULATOR_ROLE = Roles.REGULATOR;

    /// @notice Bounds the loops over a loan's collateral.
    uint256 public constant MAX_PATENTS_PER_LOAN = 10;
    /// @notice The largest product: ¥10 trillion. It keeps every amount owed far inside uint96 however long
    ///         penalty interest runs, so no loan can be stuck by an overflow.
    uint256 public constant MAX_AMOUNT = 1e15;
    /// @notice A patent lives at most 20 years, so no loan term needs more.
    uint256 public constant MAX_TERM_DAYS = 7300;
    uint256 public constant MAX_REGISTRATION_NO_LENGTH = 64;

    IPatentRegistry private _registry;
    Params private _params;
    uint96 private _fundPaid;
    uint32 private _productCount;
    uint64 private _loanCount;
    uint32 private _regulatorCount;

    mapping(uint256 productId => Product) private _products;
    mapping(uint256 loanId => Loan) private _loans;

    /// @param admin the platform operator: grants the market's roles, the first regulator, and sets parameters
    /// @param adminTransferDelay how long a handover of the operator role waits before the new key may accept it
    constructor(
        address admin,
        uint48 adminTransferDelay,
        Params memory initialParams
    ) AccessControlDefaultAdminRules(adminTransferDelay, admin) {
        _setRoleAdmin(REGULATOR_ROLE, REGULATOR_ROLE);
        _setRoleAdmin(IPOFFICE_ROLE, REGULATOR_ROLE);
        _setRoleAdmin(APPRAISER_ROLE, REGULATOR_ROLE);
        _setRoleAdmin(FUND_ROLE, REGULATOR_ROLE);
        // ENTERPRISE_ROLE and BANK_ROLE keep DEFAULT_ADMIN_ROLE, the operator, as their admin.
        _setParams(initialParams);
    }

    // ---- platform ----

    /// @inheritdoc IPledgeFinance
    function setRegistry(address registry_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        require(address(_registry) == address(0), PledgeFinanceRegistryAlreadySet(address(_registry)));
        address registryFinance = IPatentRegistry(registry_).finance();
        require(registryFinance == address(this), PledgeFinanceRegistryMismatch(registry_, registryFinance));
        _registry = IPatentRegistry(registry_);
        emit RegistrySet(registry_);
    }

    /// @inheritdoc IPledgeFinance
    function setParams(Params calldata newParams) external onlyRole(DEFAULT_ADMIN_ROLE) whenNotPaused {
        _setParams(newParams);
    }

    /// @notice Grants `role` to `account`, by the role's admin; the operator seats the first regulator.
    function grantRole(bytes32 role, address account) public override {
        if (role == REGULATOR_ROLE && _regulatorCount == 0) {
            _checkRole(DEFAULT_ADMIN_ROLE);
            _grantRole(role, account);
        } else {
            super.grantRole(role, account);
        }
    }

    /// @inheritdoc IPledgeFinance
    function pause() external onlyRole(REGULATOR_ROLE) {
        _pause();
    }

    /// @inheritdoc IPledgeFinance
    function unpause() external onlyRole(REGULATOR_ROLE) {
        _unpause();
    }

    /// @inheritdoc IPledgeFinance
    function paused() public view override(IPledgeFinance, Pausable) returns (bool) {
        return super.paused();
    }

    /// @inheritdoc IPledgeFinance
    function requireActiveRole(bytes32 role, address account) external view {
        _requireNotPaused();
        _checkRole(role, account);
    }

    // ---- products ----

    /// @inheritdoc IPledgeFinance
    function createProduct(
        ProductTerms calldata terms,
        bytes32 detailsHash
    ) external onlyRole(BANK_ROLE) whenNotPaused returns (uint256 productId) {
        bool valid =
            terms.maxAmount > 0 &&
                terms.maxAmount <= MAX_AMOUNT &&
                terms.minRateBps <= terms.maxRateBps &&
                terms.maxRateBps <= LoanMath.BPS &&
                terms.maxTermDays > 0 &&
                terms.maxTermDays <= MAX_TERM_DAYS &&
                terms.ltvBps > 0 &&
                terms.ltvBps <= _params.ltvCapBps;
        if (!valid) revert PledgeFinanceInvalidProduct(terms); // not `require`: it would copy `terms` every time
        productId = ++_productCount;
        _products[productId] = Product({
            bank: msg.sender,
            maxAmount: terms.maxAmount,
            minRateBps: terms.minRateBps,
            maxRateBps: terms.maxRateBps,
            maxTermDays: terms.maxTermDays,
            ltvBps: terms.ltvBps,
            active: true
        });
        emit ProductCreated(productId, msg.sender, terms, detailsHash);
    }

    /// @inheritdoc IPledgeFinance
    function setProductActive(uint256 productId, bool active) external onlyRole(BANK_ROLE) whenNotPaused {
        Product storage product = _existingProduct(productId);
        require(product.bank == msg.sender, PledgeFinanceNotProductBank(productId, msg.sender));
        product.active = active;
        emit ProductStatusChanged(productId, msg.sender, active);
    }

    // ---- application ----

    /// @inheritdoc IPledgeFinance
    function applyForLoan(
        uint256 productId,
        uint256[] calldata patentIds,
        uint96 requestedAmount,
        uint16 termDays,
        bytes32 purposeHash
    ) external onlyRole(ENTERPRISE_ROLE) whenNotPaused returns (uint256 loanId) {
        Product storage product = _existingProduct(productId);
        require(product.active, PledgeFinanceProductInactive(productId));
        uint256 count = patentIds.length;
        require(count > 0 && count <= MAX_PATENTS_PER_LOAN, PledgeFinanceInvalidCollateralCount(count));
        _requireAmount(requestedAmount, product.maxAmount);
        _requireTerm(termDays, product.maxTermDays);

        uint64 id = ++_loanCount;
        Loan storage loan = _loans[id];
        loan.borrower = msg.sender;
        loan.status = LoanStatus.Applied;
        loan.productId = uint32(productId);
        loan.termDays = termDays;
        loan.bank = product.bank;
        loan.requestedAmount = requestedAmount;
        loan.patentIds = patentIds;
        emit LoanApplied(id, msg.sender, product.bank, productId, patentIds, requestedAmount, termDays, purposeHash);
        _registry.reserve(id, msg.sender, patentIds);
        return id;
    }

    /// @inheritdoc IPledgeFinance
    function withdrawApplication(uint256 loanId) external onlyRole(ENTERPRISE_ROLE) whenNotPaused {
        Loan storage loan = _loanIn(loanId, LoanStatus.Applied);
        require(loan.borrower == msg.sender, PledgeFinanceNotLoanParty(loanId, msg.sender));
        loan.status = LoanStatus.Withdrawn;
        emit LoanWithdrawn(loanId, msg.sender, loan.patentIds);
        _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    /// @inheritdoc IPledgeFinance
    function approveLoan(
        uint256 loanId,
        uint96 amount,
        uint16 rateBps,
        uint16 termDays
    ) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Applied);
        Product storage product = _products[loan.productId];
        // The application was within the product's maximum, so the request is the tighter bound.
        _requireAmount(amount, loan.requestedAmount);
        require(
            rateBps >= product.minRateBps && rateBps <= product.maxRateBps,
            PledgeFinanceRateOutOfRange(rateBps, product.minRateBps, product.maxRateBps)
        );
        _requireTerm(termDays, product.maxTermDays);
        uint256 ltvBps = product.ltvBps < _params.ltvCapBps ? product.ltvBps : _params.ltvCapBps;
        uint256 appraised = _registry.appraisedTotal(loan.patentIds);
        uint256 ltvLimit = LoanMath.share(appraised, ltvBps);
        require(amount <= ltvLimit, PledgeFinanceLtvExceeded(loanId, amount, ltvLimit, appraised, ltvBps));

        loan.status = LoanStatus.Approved;
        loan.amount = amount;
        loan.rateBps = rateBps;
        loan.termDays = termDays;
        emit LoanApproved(loanId, msg.sender, amount, rateBps, termDays, appraised, ltvBps);
    }

    /// @inheritdoc IPledgeFinance
    function rejectApplication(uint256 loanId, bytes32 reasonHash) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Applied);
        loan.status = LoanStatus.Rejected;
        emit LoanRejected(loanId, msg.sender, loan.patentIds, reasonHash);
        _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    /// @inheritdoc IPledgeFinance
    function cancelLoan(uint256 loanId, bytes32 reasonHash) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _loans[loanId];
        LoanStatus from = loan.status;
        _requireLoanState(loanId, from, _bit(LoanStatus.Approved) | _bit(LoanStatus.Pledged));
        _requireBank(loan, loanId);

        loan.status = LoanStatus.Cancelled;
        emit LoanCancelled(loanId, msg.sender, loan.patentIds, from, reasonHash);
        if (from == LoanStatus.Pledged) _registry.releasePledge(uint64(loanId), loan.patentIds);
        else _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    // ---- pledge and disbursement ----

    /// @inheritdoc IPledgeFinance
    function registerPledge(
        uint256 loanId,
        string calldata registrationNo
    ) external onlyRole(IPOFFICE_ROLE) whenNotPaused {
        Loan storage loan = _loanIn(loanId, LoanStatus.Approved);
        uint256 length = bytes(registrationNo).length;
        require(length > 0 && length <= MAX_REGISTRATION_NO_LENGTH, PledgeFinanceInvalidRegistrationNo());
        uint32 estimatedMaturity = LoanMath.maturity(block.timestamp, loan.termDays).toUint32();

        loan.status = LoanStatus.Pledged;
        loan.registeredAt = uint32(block.timestamp);
        loan.registrationNo = registrationNo;
        emit PledgeRegistered(
            loanId,
            msg.sender,
            loan.borrower,
            loan.patentIds,
            registrationNo,
            block.timestamp,
            estimatedMaturity
        );
        // The trusted registry returns the earliest expiry it checked; disbursement reuses it.
        loan.collateralExpiry = _registry.pledge(uint64(loanId), loan.patentIds, estimatedMaturity);
    }

    /// @inheritdoc IPledgeFinance
    function disburse(uint256 loanId, bytes32 referenceHash) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Pledged);
        uint32 maturityAt = LoanMath.maturity(block.timestamp, loan.termDays).toUint32();
        // Expiry dates never change once registered, so the earliest one found at pledge still holds.
        require(
            maturityAt <= loan.collateralExpiry,
            PledgeFinanceCollateralExpiresBeforeMaturity(loanId, loan.collateralExpiry, maturityAt)
        );
        // The fee, a court's preservation and an invalidation request can change after registration.
        _registry.checkLegalStatus(loan.patentIds, maturityAt);

        Params memory terms = _params;

        loan.status = LoanStatus.Disbursed;
        loan.graceDays = terms.graceDays;
        loan.disbursedAt = uint32(block.timestamp);
        loan.maturityAt = maturityAt;
        loan.accruedAt = uint32(block.timestamp);
        loan.principalOutstanding = loan.amount;
        loan.fundShareBps = terms.fundShareBps;
        emit LoanDisbursed(
            loanId,
            msg.sender,
            loan.amount,
            block.timestamp,
            maturityAt,
            terms.graceDays,
            terms.fundShareBps,
            referenceHash
        );
    }

    // ---- repayment ----

    /// @inheritdoc IPledgeFinance
    function repay(uint256 loanId, uint96 amount, bytes32 referenceHash) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed);
        Owed memory owed = _owedNow(loan);
        require(amount > 0, PledgeFinanceAmountOutOfRange(amount, 1, owed.total));
        require(amount <= owed.total, PledgeFinanceOverpayment(loanId, amount, owed.total));
        _recordRepayment(loanId, loan, owed, amount, referenceHash);
    }

    /// @inheritdoc IPledgeFinance
    function repayInFull(uint256 loanId, bytes32 referenceHash) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed);
        Owed memory owed = _owedNow(loan);
        _recordRepayment(loanId, loan, owed, owed.total, referenceHash);
    }

    // ---- default, compensation, disposal ----

    /// @inheritdoc IPledgeFinance
    function declareDefault(uint256 loanId) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed);
        uint256 defaultable = _defaultableAt(loan);
        require(block.timestamp >= defaultable, PledgeFinanceNotYetDefaultable(loanId, defaultable));
        Owed memory owed = _owedNow(loan);

        loan.status = LoanStatus.Defaulted;
        loan.defaultedAt = uint32(block.timestamp);
        loan.accruedAt = uint32(block.timestamp);
        loan.interestDue = owed.interest.toUint96();
        loan.penaltyDue = owed.penalty.toUint96();
        loan.outstandingAtDefault = owed.total.toUint96();
        uint256 fundDecisionBy = block.timestamp + uint256(_params.fundDecisionDays) * LoanMath.DAY;
        loan.fundDecisionBy = fundDecisionBy.toUint32();
        emit LoanDefaulted(loanId, msg.sender, owed.principal, owed.interest, owed.penalty, owed.total, fundDecisionBy);
    }

    /// @inheritdoc IPledgeFinance
    function compensate(uint256 loanId) external onlyRole(FUND_ROLE) whenNotPaused {
        Loan storage loan = _loanIn(loanId, LoanStatus.Defaulted);
        require(!loan.compensated, PledgeFinanceAlreadyCompensated(loanId));
        uint256 share = LoanMath.share(loan.outstandingAtDefault, loan.fundShareBps);
        uint256 capacityLeft = _params.fundCapacity > _fundPaid ? _params.fundCapacity - _fundPaid : 0;
        uint256 compensation = share < capacityLeft ? share : capacityLeft;

        loan.compensated = true;
        loan.compensation = uint96(compensation);
        _fundPaid += uint96(compensation);
        emit LossCompensated(loanId, msg.sender, compensation, loan.outstandingAtDefault, _fundPaid);
    }

    /// @inheritdoc IPledgeFinance
    function dispose(
        uint256 loanId,
        address buyer,
        uint96 recovered,
        bytes32 referenceHash
    ) external onlyRole(BANK_ROLE) whenNotPaused {
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Defaulted);
        // The fund decides within its window; after it the bank disposes without compensation.
        require(
            loan.compensated || block.timestamp >= loan.fundDecisionBy,
            PledgeFinanceNotCompensated(loanId, loan.fundDecisionBy)
        );
        require(buyer != loan.borrower && hasRole(ENTERPRISE_ROLE, buyer), PledgeFinanceInvalidBuyer(buyer));
        uint256 outstanding = loan.outstandingAtDefault;
        uint256 toCreditors = recovered < outstanding ? recovered : outstanding;
        // Each creditor recovers in proportion to the loss it bore: the fund bore `compensation`.
        uint256 fundRecovery = (toCreditors * loan.compensation) / outstanding;

        loan.status = LoanStatus.Disposed;
        loan.recovered = recovered;
        emit CollateralDisposed(
            loanId,
            msg.sender,
            buyer,
            loan.patentIds,
            recovered,
            toCreditors - fundRecovery,
            fundRecovery,
            recovered - toCreditors,
            referenceHash
        );
        _registry.transferCollateral(uint64(loanId), loan.patentIds, buyer);
    }

    /// @inheritdoc IPledgeFinance
    function releasePledge(uint256 loanId) external onlyRole(IPOFFICE_ROLE) whenNotPaused {
        Loan storage loan = _loans[loanId];
        LoanStatus from = loan.status;
        _requireLoanState(loanId, from, _bit(LoanStatus.Repaid) | _bit(LoanStatus.Disposed));

        loan.status = LoanStatus.Closed;
        emit PledgeReleased(loanId, msg.sender, loan.patentIds, from);
        if (from == LoanStatus.Repaid) _registry.releasePledge(uint64(loanId), loan.patentIds);
        else _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    // ---- views ----

    /// @inheritdoc IPledgeFinance
    function registry() external view returns (address) {
        return address(_registry);
    }

    /// @inheritdoc IPledgeFinance
    function params() external view returns (Params memory) {
        return _params;
    }

    /// @inheritdoc IPledgeFinance
    function fundPaid() external view returns (uint256) {
        return _fundPaid;
    }

    /// @inheritdoc IPledgeFinance
    function productCount() external view returns (uint256) {
        return _productCount;
    }

    /// @inheritdoc IPledgeFinance
    function regulatorCount() external view returns (uint256) {
        return _regulatorCount;
    }

    /// @inheritdoc IPledgeFinance
    function loanCount() external view returns (uint256) {
        return _loanCount;
    }

    /// @inheritdoc IPledgeFinance
    function getProduct(uint256 productId) external view returns (Product memory) {
        return _products[productId];
    }

    /// @inheritdoc IPledgeFinance
    function getLoan(uint256 loanId) external view returns (Loan memory) {
        return _loans[loanId];
    }

    /// @inheritdoc IPledgeFinance
    function owedAt(uint256 loanId, uint256 time) external view returns (Owed memory) {
        Loan storage loan = _loans[loanId];
        if (loan.status != LoanStatus.Disbursed) {
            return _owed(loan.principalOutstanding, loan.interestDue, loan.penaltyDue);
        }
        require(time >= loan.accruedAt, PledgeFinanceTimeBeforeAccrual(loanId, time, loan.accruedAt));
        return _owedAt(loan, time);
    }

    /// @inheritdoc IPledgeFinance
    function defaultableAt(uint256 loanId) external view returns (uint256) {
        Loan storage loan = _loans[loanId];
        return loan.maturityAt == 0 ? 0 : _defaultableAt(loan);
    }

    // ---- internals ----

    /// @dev An account holds at most one role, so the operator can never also be a bank or an IP office.
    ///      While paused, only the roles the regulators administer change (a compromised authority's
    ///      key can be removed during the pause); the operator's grants wait.
    function _grantRole(bytes32 role, address account) internal override returns (bool granted) {
        _requireRoleChangeAllowed(role);
        (bool holdsOne, bytes32 held) = _roleOf(account);
        require(!holdsOne || held == role, PledgeFinanceAccountHoldsRole(account, held));
        granted = super._grantRole(role, account);
        if (granted && role == REGULATOR_ROLE) ++_regulatorCount;
    }

    /// @dev The last regulator stays: without one, nobody could pause or seat an authority.
    function _revokeRole(bytes32 role, address account) internal override returns (bool revoked) {
        _requireRoleChangeAllowed(role);
        if (role == REGULATOR_ROLE && hasRole(role, account)) {
            require(_regulatorCount > 1, PledgeFinanceLastRegulator(account));
            --_regulatorCount;
        }
        return super._revokeRole(role, account);
    }

    /// @dev The operator role goes only to an account that holds no other role, and not while paused.
    function _beginDefaultAdminTransfer(address newAdmin) internal override {
        _requireNotPaused();
        (bool holdsOne, bytes32 held) = _roleOf(newAdmin);
        require(!holdsOne, PledgeFinanceAccountHoldsRole(newAdmin, held));
        super._beginDefaultAdminTransfer(newAdmin);
    }

    function _cancelDefaultAdminTransfer() internal override {
        _requireNotPaused();
        super._cancelDefaultAdminTransfer();
    }

    function _changeDefaultAdminDelay(uint48 newDelay) internal override {
        _requireNotPaused();
        super._changeDefaultAdminDelay(newDelay);
    }

    function _rollbackDefaultAdminDelay() internal override {
        _requireNotPaused();
        super._rollbackDefaultAdminDelay();
    }

    function _requireRoleChangeAllowed(bytes32 role) private view {
        if (getRoleAdmin(role) != REGULATOR_ROLE) _requireNotPaused();
    }

    /// @dev DEFAULT_ADMIN_ROLE is zero, so whether the account holds a role is told apart from which.
    function _roleOf(address account) private view returns (bool holdsOne, bytes32 role) {
        bytes32[7] memory kinds = [
            ENTERPRISE_ROLE,
            APPRAISER_ROLE,
            IPOFFICE_ROLE,
            BANK_ROLE,
            FUND_ROLE,
            REGULATOR_ROLE,
            DEFAULT_ADMIN_ROLE
        ];
        for (uint256 i; i < kinds.length; ++i) if (hasRole(kinds[i], account)) return (true, kinds[i]);
        return (false, 0);
    }

    function _setParams(Params memory newParams) private {
        require(
            newParams.ltvCapBps > 0 && newParams.ltvCapBps <= LoanMath.BPS && newParams.fundShareBps <= LoanMath.BPS,
            PledgeFinanceInvalidParams(newParams)
        );
        _params = newParams;
        emit ParamsUpdated(msg.sender, newParams);
    }

    function _recordRepayment(
        uint256 loanId,
        Loan storage loan,
        Owed memory owed,
        uint256 amount,
        bytes32 referenceHash
    ) private {
        Allocation memory paid = LoanMath.allocate(amount, owed.penalty, owed.interest);
        // Cannot underflow: allocate never pays more of a part than is owed on it, and the caller
        // checked amount <= owed.total.
        unchecked {
            owed.principal -= paid.principal;
            owed.interest -= paid.interest;
            owed.penalty -= paid.penalty;
            owed.total -= amount;
        }
        loan.principalOutstanding = owed.principal.toUint96();
        loan.interestDue = owed.interest.toUint96();
        loan.penaltyDue = owed.penalty.toUint96();
        loan.accruedAt = uint32(block.timestamp);
        loan.repaid += amount.toUint96();
        // Penalty and interest are paid before principal, so no principal left means nothing owed.
        if (owed.principal == 0) loan.status = LoanStatus.Repaid;
        emit RepaymentRecorded(loanId, msg.sender, paid, owed, loan.status, referenceHash);
    }

    function _owedNow(Loan storage loan) private view returns (Owed memory) {
        return _owedAt(loan, block.timestamp);
    }

    function _owedAt(Loan storage loan, uint256 time) private view returns (Owed memory) {
        (uint256 interest, uint256 penalty) = LoanMath.accrue(
            loan.principalOutstanding,
            loan.rateBps,
            loan.accruedAt,
            time,
            loan.maturityAt
        );
        return _owed(loan.principalOutstanding, loan.interestDue + interest, loan.penaltyDue + penalty);
    }

    function _owed(uint256 principal, uint256 interest, uint256 penalty) private pure returns (Owed memory) {
        return
            Owed({principal: principal, interest: interest, penalty: penalty, total: principal + interest + penalty});
    }

    function _defaultableAt(Loan storage loan) private view returns (uint256) {
        return uint256(loan.maturityAt) + uint256(loan.graceDays) * LoanMath.DAY;
    }

    function _existingProduct(uint256 productId) private view returns (Product storage product) {
        product = _products[productId];
        require(product.bank != address(0), PledgeFinanceUnknownProduct(productId));
    }

    function _requireAmount(uint256 amount, uint256 max) private pure {
        require(amount > 0 && amount <= max, PledgeFinanceAmountOutOfRange(amount, 1, max));
    }

    function _requireTerm(uint256 termDays, uint256 max) private pure {
        require(termDays > 0 && termDays <= max, PledgeFinanceTermOutOfRange(termDays, 1, max));
    }

    /// @dev The loan in `expected`, acted on by its own bank.
    function _bankLoanIn(uint256 loanId, LoanStatus expected) private view returns (Loan storage loan) {
        loan = _loanIn(loanId, expected);
        _requireBank(loan, loanId);
    }

    function _requireBank(Loan storage loan, uint256 loanId) private view {
        require(loan.bank == msg.sender, PledgeFinanceNotLoanParty(loanId, msg.sender));
    }

    function _loanIn(uint256 loanId, LoanStatus expected) private view returns (Loan storage loan) {
        loan = _loans[loanId];
        _requireLoanState(loanId, loan.status, _bit(expected));
    }

    function _requireLoanState(uint256 loanId, LoanStatus current, bytes32 expectedStates) private pure {
        require(_bit(current) & expectedStates != 0, PledgeFinanceUnexpectedLoanState(loanId, current, expectedStates));
    }

    function _bit(LoanStatus status) private pure returns (bytes32) {
        return bytes32(1 << uint8(status));
    }
}
