// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

// solhint-disable-next-line max-line-length
import {AccessControlDefaultAdminRules} from "@openzeppelin/contracts/access/extensions/AccessControlDefaultAdminRules.sol";
import {AccessControl, IAccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
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
///
///         Keys (SPEC section 8, no party can freeze a loan): an organisation is known by its first
///         address, its identity, which its patents, products and loans name for good. The key that
///         signs for it can be rotated: proposed by the organisation itself or by a regulator, accepted
///         by the new key; the old key is retired and can do nothing after. Every caller is resolved to
///         the identity it signs for (`_msgSender`), so the roles and every comparison and event name
///         identities. The roles of the organisations are kept here, one storage slot per account, so
///         resolving a caller and checking its role is one read.
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

    /// @dev What an account is: an organisation's identity (holding its kind) or a key signing for one,
    ///      and whether it was rotated out. One slot: 20 + 1 + 1 bytes (solhint cannot size the enum).
    // solhint-disable-next-line gas-struct-packing
    struct Member {
        address identity;
        Kind kind;
        bool retired;
    }

    /// @dev The organisations' kinds, in the order of `_roleOfKind`.
    enum Kind {
        None,
        Enterprise,
        Appraiser,
        IpOffice,
        Bank,
        Fund,
        Regulator
    }

    mapping(address account => Member) private _members;
    mapping(address identity => address key) private _keys;
    mapping(address identity => address key) private _proposedKeys;

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
    function requireActiveRole(bytes32 role, address account) external view returns (address identity) {
        identity = _identityWithKind(account, _kindOf(role));
        _requireNotPaused();
    }

    /// @notice Whether the organisation `account` (an identity, not a rotated key) holds `role`.
    function hasRole(bytes32 role, address account) public view override(AccessControl, IAccessControl) returns (bool) {
        if (role == DEFAULT_ADMIN_ROLE) return super.hasRole(role, account);
        Member storage member = _members[account];
        (address identity, Kind kind) = (member.identity, member.kind);
        return identity == account && kind != Kind.None && kind == _kindOf(role);
    }

    // ---- keys ----

    /// @inheritdoc IPledgeFinance
    function proposeKeyRotation(address identity, address newKey) external {
        address proposer = _msgSender();
        require(_members[identity].kind != Kind.None, PledgeFinanceNotMember(identity));
        if (!hasRole(REGULATOR_ROLE, proposer)) {
            require(proposer == identity, PledgeFinanceNotKeyProposer(identity, proposer));
            // While paused only regulators propose: a thief holding the key cannot outrun them.
            _requireNotPaused();
        }
        _requireFresh(newKey);
        _proposedKeys[identity] = newKey;
        emit KeyRotationProposed(identity, proposer, newKey);
    }

    /// @inheritdoc IPledgeFinance
    function acceptKeyRotation(address identity) external {
        // The new key itself accepts, proving it is held: not whom it might stand for.
        address newKey = msg.sender;
        require(_proposedKeys[identity] == newKey, PledgeFinanceNotProposedKey(identity, newKey));
        require(_members[identity].kind != Kind.None, PledgeFinanceNotMember(identity));
        _requireFresh(newKey);
        address oldKey = keyOf(identity);

        _members[oldKey].retired = true;
        _members[newKey] = Member({identity: identity, kind: Kind.None, retired: false});
        _keys[identity] = newKey;
        delete _proposedKeys[identity];
        emit KeyRotated(identity, oldKey, newKey);
    }

    /// @inheritdoc IPledgeFinance
    function keyOf(address identity) public view returns (address) {
        address key = _keys[identity];
        return key == address(0) ? identity : key;
    }

    /// @inheritdoc IPledgeFinance
    function identityOf(address key) external view returns (address) {
        address identity = _members[key].identity;
        return identity == address(0) ? key : identity;
    }

    /// @inheritdoc IPledgeFinance
    function proposedKeyOf(address identity) external view returns (address) {
        return _proposedKeys[identity];
    }

    /// @inheritdoc IPledgeFinance
    function isRetiredKey(address key) external view returns (bool) {
        return _members[key].retired;
    }

    // ---- products ----

    /// @inheritdoc IPledgeFinance
    function createProduct(ProductTerms calldata terms, bytes32 detailsHash) external returns (uint256 productId) {
        address bank = _actingAs(Kind.Bank);
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
            bank: bank,
            maxAmount: terms.maxAmount,
            minRateBps: terms.minRateBps,
            maxRateBps: terms.maxRateBps,
            maxTermDays: terms.maxTermDays,
            ltvBps: terms.ltvBps,
            active: true
        });
        emit ProductCreated(productId, bank, terms, detailsHash);
    }

    /// @inheritdoc IPledgeFinance
    function setProductActive(uint256 productId, bool active) external {
        address bank = _actingAs(Kind.Bank);
        Product storage product = _existingProduct(productId);
        require(product.bank == bank, PledgeFinanceNotProductBank(productId, bank));
        product.active = active;
        emit ProductStatusChanged(productId, bank, active);
    }

    // ---- application ----

    /// @inheritdoc IPledgeFinance
    function applyForLoan(
        uint256 productId,
        uint256[] calldata patentIds,
        uint96 requestedAmount,
        uint16 termDays,
        bytes32 purposeHash
    ) external returns (uint256 loanId) {
        address borrower = _actingAs(Kind.Enterprise);
        Product storage product = _existingProduct(productId);
        require(product.active, PledgeFinanceProductInactive(productId));
        require(
            patentIds.length > 0 && patentIds.length <= MAX_PATENTS_PER_LOAN,
            PledgeFinanceInvalidCollateralCount(patentIds.length)
        );
        _requireAmount(requestedAmount, product.maxAmount);
        _requireTerm(termDays, product.maxTermDays);

        uint64 id = ++_loanCount;
        Loan storage loan = _loans[id];
        loan.borrower = borrower;
        loan.status = LoanStatus.Applied;
        loan.productId = uint32(productId);
        loan.termDays = termDays;
        loan.bank = product.bank;
        loan.requestedAmount = requestedAmount;
        loan.patentIds = patentIds;
        emit LoanApplied(id, borrower, product.bank, productId, patentIds, requestedAmount, termDays, purposeHash);
        _registry.reserve(id, borrower, patentIds);
        return id;
    }

    /// @inheritdoc IPledgeFinance
    function withdrawApplication(uint256 loanId) external {
        address borrower = _actingAs(Kind.Enterprise);
        Loan storage loan = _loanIn(loanId, LoanStatus.Applied);
        require(loan.borrower == borrower, PledgeFinanceNotLoanParty(loanId, borrower));
        loan.status = LoanStatus.Withdrawn;
        emit LoanWithdrawn(loanId, borrower, loan.patentIds);
        _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    /// @inheritdoc IPledgeFinance
    function approveLoan(uint256 loanId, uint96 amount, uint16 rateBps, uint16 termDays) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Applied, bank);
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
        emit LoanApproved(loanId, bank, amount, rateBps, termDays, appraised, ltvBps);
    }

    /// @inheritdoc IPledgeFinance
    function rejectApplication(uint256 loanId, bytes32 reasonHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Applied, bank);
        loan.status = LoanStatus.Rejected;
        emit LoanRejected(loanId, bank, loan.patentIds, reasonHash);
        _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    /// @inheritdoc IPledgeFinance
    function cancelLoan(uint256 loanId, bytes32 reasonHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _loans[loanId];
        LoanStatus from = loan.status;
        _requireLoanState(loanId, from, _bit(LoanStatus.Approved) | _bit(LoanStatus.Pledged));
        _requireBank(loan, loanId, bank);

        loan.status = LoanStatus.Cancelled;
        emit LoanCancelled(loanId, bank, loan.patentIds, from, reasonHash);
        if (from == LoanStatus.Pledged) _registry.releasePledge(uint64(loanId), loan.patentIds);
        else _registry.unreserve(uint64(loanId), loan.patentIds);
    }

    // ---- pledge and disbursement ----

    /// @inheritdoc IPledgeFinance
    function registerPledge(uint256 loanId, string calldata registrationNo) external {
        address ipoffice = _actingAs(Kind.IpOffice);
        Loan storage loan = _loanIn(loanId, LoanStatus.Approved);
        uint256 length = bytes(registrationNo).length;
        require(length > 0 && length <= MAX_REGISTRATION_NO_LENGTH, PledgeFinanceInvalidRegistrationNo());
        uint32 estimatedMaturity = LoanMath.maturity(block.timestamp, loan.termDays).toUint32();

        loan.status = LoanStatus.Pledged;
        loan.registeredAt = uint32(block.timestamp);
        loan.registrationNo = registrationNo;
        emit PledgeRegistered(
            loanId,
            ipoffice,
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
    function disburse(uint256 loanId, bytes32 referenceHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Pledged, bank);
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
            bank,
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
    function repay(uint256 loanId, uint96 amount, bytes32 referenceHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed, bank);
        Owed memory owed = _owedNow(loan);
        require(amount > 0, PledgeFinanceAmountOutOfRange(amount, 1, owed.total));
        require(amount <= owed.total, PledgeFinanceOverpayment(loanId, amount, owed.total));
        _recordRepayment(loanId, loan, owed, amount, referenceHash);
    }

    /// @inheritdoc IPledgeFinance
    function repayInFull(uint256 loanId, bytes32 referenceHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed, bank);
        Owed memory owed = _owedNow(loan);
        _recordRepayment(loanId, loan, owed, owed.total, referenceHash);
    }

    // ---- default, compensation, disposal ----

    /// @inheritdoc IPledgeFinance
    function declareDefault(uint256 loanId) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Disbursed, bank);
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
        emit LoanDefaulted(loanId, bank, owed.principal, owed.interest, owed.penalty, owed.total, fundDecisionBy);
    }

    /// @inheritdoc IPledgeFinance
    function compensate(uint256 loanId) external {
        address fund = _actingAs(Kind.Fund);
        Loan storage loan = _loanIn(loanId, LoanStatus.Defaulted);
        require(!loan.compensated, PledgeFinanceAlreadyCompensated(loanId));
        uint256 share = LoanMath.share(loan.outstandingAtDefault, loan.fundShareBps);
        uint256 capacityLeft = _params.fundCapacity > _fundPaid ? _params.fundCapacity - _fundPaid : 0;
        uint256 compensation = share < capacityLeft ? share : capacityLeft;

        loan.compensated = true;
        loan.compensation = uint96(compensation);
        _fundPaid += uint96(compensation);
        emit LossCompensated(loanId, fund, compensation, loan.outstandingAtDefault, _fundPaid);
    }

    /// @inheritdoc IPledgeFinance
    function dispose(uint256 loanId, address buyer, uint96 recovered, bytes32 referenceHash) external {
        address bank = _actingAs(Kind.Bank);
        Loan storage loan = _bankLoanIn(loanId, LoanStatus.Defaulted, bank);
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
            bank,
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
    function releasePledge(uint256 loanId) external {
        address ipoffice = _actingAs(Kind.IpOffice);
        Loan storage loan = _loans[loanId];
        LoanStatus from = loan.status;
        _requireLoanState(loanId, from, _bit(LoanStatus.Repaid) | _bit(LoanStatus.Disposed));

        loan.status = LoanStatus.Closed;
        emit PledgeReleased(loanId, ipoffice, loan.patentIds, from);
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

    /// @dev Who acts: the organisation the signing key stands for. A retired key stands for nobody.
    function _msgSender() internal view override returns (address) {
        return _identityOfSigner(msg.sender);
    }

    /// @dev An account holds at most one role, so the operator can never also be a bank or an IP office.
    ///      While paused, only the roles the regulators administer change (a compromised authority's
    ///      key can be removed during the pause); the operator's grants wait. Only organisations hold
    ///      roles, never a rotated key.
    function _grantRole(bytes32 role, address account) internal override returns (bool) {
        _requireRoleChangeAllowed(role);
        if (role == DEFAULT_ADMIN_ROLE) {
            _requireFresh(account);
            return super._grantRole(role, account);
        }
        Kind kind = _kindOf(role);
        require(kind != Kind.None, PledgeFinanceUnknownRole(role));
        Member storage member = _members[account];
        (address identity, Kind held) = (member.identity, member.kind);
        require(held == Kind.None || held == kind, PledgeFinanceAccountHoldsRole(account, _roleOfKind(held)));
        require(identity == address(0) || identity == account, PledgeFinanceKeyNotFresh(account));
        require(account != defaultAdmin(), PledgeFinanceAccountHoldsRole(account, DEFAULT_ADMIN_ROLE));
        if (held == kind) return false;

        member.identity = account;
        member.kind = kind;
        if (kind == Kind.Regulator) ++_regulatorCount;
        emit RoleGranted(role, account, _msgSender());
        return true;
    }

    /// @dev The last regulator stays: without one, nobody could pause or seat an authority.
    function _revokeRole(bytes32 role, address account) internal override returns (bool) {
        _requireRoleChangeAllowed(role);
        if (role == DEFAULT_ADMIN_ROLE) return super._revokeRole(role, account);
        if (!hasRole(role, account)) return false;
        if (role == REGULATOR_ROLE) {
            require(_regulatorCount > 1, PledgeFinanceLastRegulator(account));
            --_regulatorCount;
        }

        _members[account].kind = Kind.None;
        emit RoleRevoked(role, account, _msgSender());
        return true;
    }

    /// @dev The operator role goes only to a fresh account, and not while paused.
    function _beginDefaultAdminTransfer(address newAdmin) internal override {
        _requireNotPaused();
        _requireFresh(newAdmin);
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

    /// @dev The organisation the caller's key signs for, which must hold `role`, while the platform runs.
    ///      For a key never rotated this is one storage read: the key is the identity and holds the kind.
    function _actingAs(Kind role) private view returns (address identity) {
        identity = _identityWithKind(msg.sender, role);
        _requireNotPaused();
    }

    function _identityWithKind(address key, Kind role) private view returns (address identity) {
        Member storage member = _members[key];
        Kind kind;
        bool retired;
        (identity, kind, retired) = (member.identity, member.kind, member.retired);
        require(!retired, PledgeFinanceKeyRetired(key));
        if (identity != key && identity != address(0)) kind = _members[identity].kind;
        if (kind != role || kind == Kind.None) revert AccessControlUnauthorizedAccount(key, _roleOfKind(role));
    }

    /// @dev The organisation `key` signs for: itself, unless it is a rotated-in key. A retired key reverts.
    function _identityOfSigner(address key) private view returns (address) {
        Member storage member = _members[key];
        (address identity, bool retired) = (member.identity, member.retired);
        require(!retired, PledgeFinanceKeyRetired(key));
        return identity == address(0) ? key : identity;
    }

    /// @dev Reverts unless `account` is nobody yet: no role, not the operator, never an organisation's
    ///      identity or key (so a retired key is never seated again).
    function _requireFresh(address account) private view {
        Member storage member = _members[account];
        (address identity, Kind kind) = (member.identity, member.kind);
        require(kind == Kind.None, PledgeFinanceAccountHoldsRole(account, _roleOfKind(kind)));
        require(account != defaultAdmin(), PledgeFinanceAccountHoldsRole(account, DEFAULT_ADMIN_ROLE));
        require(account != address(0) && identity == address(0), PledgeFinanceKeyNotFresh(account));
    }

    function _kindOf(bytes32 role) private pure returns (Kind) {
        if (role == ENTERPRISE_ROLE) return Kind.Enterprise;
        if (role == APPRAISER_ROLE) return Kind.Appraiser;
        if (role == IPOFFICE_ROLE) return Kind.IpOffice;
        if (role == BANK_ROLE) return Kind.Bank;
        if (role == FUND_ROLE) return Kind.Fund;
        if (role == REGULATOR_ROLE) return Kind.Regulator;
        return Kind.None;
    }

    function _roleOfKind(Kind kind) private pure returns (bytes32) {
        bytes32[7] memory roles = [
            bytes32(0),
            ENTERPRISE_ROLE,
            APPRAISER_ROLE,
            IPOFFICE_ROLE,
            BANK_ROLE,
            FUND_ROLE,
            REGULATOR_ROLE
        ];
        return roles[uint8(kind)];
    }

    function _setParams(Params memory newParams) private {
        require(
            newParams.ltvCapBps > 0 && newParams.ltvCapBps <= LoanMath.BPS && newParams.fundShareBps <= LoanMath.BPS,
            PledgeFinanceInvalidParams(newParams)
        );
        _params = newParams;
        emit ParamsUpdated(_msgSender(), newParams);
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
        emit RepaymentRecorded(loanId, loan.bank, paid, owed, loan.status, referenceHash);
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
    function _bankLoanIn(uint256 loanId, LoanStatus expected, address bank) private view returns (Loan storage loan) {
        loan = _loanIn(loanId, expected);
        _requireBank(loan, loanId, bank);
    }

    function _requireBank(Loan storage loan, uint256 loanId, address bank) private view {
        require(loan.bank == bank, PledgeFinanceNotLoanParty(loanId, bank));
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
