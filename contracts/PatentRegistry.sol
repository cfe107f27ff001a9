// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IPatentRegistry} from "./interfaces/IPatentRegistry.sol";
import {IPledgeFinance} from "./interfaces/IPledgeFinance.sol";
import {PatentNumber} from "./libraries/PatentNumber.sol";
import {Roles} from "./libraries/Roles.sol";

/// @title iPledge patent registry
/// @notice One ERC-721 token per patent, its id derived from the normalised number. Enterprises
///         register, the IP office verifies and keeps the legal status, appraisers value. Only the
///         finance core holds patents for loans, pledges them, releases them and hands them to a
///         buyer on disposal. A patent changes hands only as the register records it: by disposal,
///         or by the IP office recording a transfer, never by its owner's ERC-721 calls. Roles and
///         the pause live in the finance core, which this registry asks: it names the organisation a
///         caller's key signs for (its identity), and that identity owns, verifies and appraises.
contract PatentRegistry is ERC721, IPatentRegistry {
    /// @notice Only a patent's newest appraisals count, so no call's gas grows with how many were ever
    ///         recorded: the newest unexpired of these many (older ones stand superseded).
    uint32 public constant APPRAISAL_WINDOW = 8;

    address private immutable _finance;

    mapping(uint256 patentId => Patent) private _patents;
    mapping(uint256 patentId => mapping(uint32 index => Appraisal)) private _appraisals;

    modifier onlyFinance() {
        require(msg.sender == _finance, AccessControlUnauthorizedAccount(msg.sender, Roles.FINANCE_CORE));
        _;
    }

    constructor(address finance_) ERC721("iPledge Patent", "IPAT") {
        _finance = finance_;
    }

    // ---- enterprise ----

    /// @inheritdoc IPatentRegistry
    function registerPatent(
        string calldata number,
        PatentKind kind,
        uint32 grantDate,
        uint32 expiryDate,
        bytes32 metadataHash,
        bytes32 certificateHash
    ) external returns (uint256 patentId) {
        address owner = _callerWith(Roles.ENTERPRISE);
        (bytes16 normal, PatentKind fromNumber) = PatentNumber.normalize(number);
        // Not `require`: it would copy `number` to memory even when the kinds agree.
        if (kind != fromNumber) revert PatentRegistryKindMismatch(number, kind, fromNumber);
        require(
            grantDate <= block.timestamp && block.timestamp < expiryDate,
            PatentRegistryInvalidDates(grantDate, expiryDate)
        );
        require(metadataHash != 0 && certificateHash != 0, PatentRegistryMissingDocumentHash());
        patentId = PatentNumber.idOf(normal);
        Patent storage patent = _patents[patentId];
        // A rejected registration left the number free: the register keeps only the rejection's event.
        PatentStatus status = patent.status;
        require(
            status == PatentStatus.None || status == PatentStatus.Rejected,
            PatentRegistryAlreadyRegistered(patentId)
        );
        if (status == PatentStatus.Rejected) delete _patents[patentId];

        patent.metadataHash = metadataHash;
        patent.status = PatentStatus.Registered;
        patent.kind = kind;
        patent.grantDate = grantDate;
        patent.expiryDate = expiryDate;
        _mint(owner, patentId);
        emit PatentRegistered(
            patentId,
            owner,
            PatentNumber.toString(normal),
            kind,
            grantDate,
            expiryDate,
            metadataHash,
            certificateHash
        );
    }

    // ---- IP office ----

    /// @inheritdoc IPatentRegistry
    function verifyPatent(uint256 patentId, uint32 feePaidUntil) external {
        address ipoffice = _callerWith(Roles.IPOFFICE);
        Patent storage patent = _patentIn(patentId, _bit(PatentStatus.Registered));
        patent.status = PatentStatus.Verified;
        patent.feePaidUntil = feePaidUntil;
        emit PatentVerified(patentId, ipoffice, feePaidUntil);
    }

    /// @inheritdoc IPatentRegistry
    /// @dev The token is burnt: whoever registered a number that is not theirs keeps nothing, and the
    ///      number's rightful holder can register it.
    function rejectPatent(uint256 patentId, bytes32 reasonHash) external {
        address ipoffice = _callerWith(Roles.IPOFFICE);
        _patentIn(patentId, _bit(PatentStatus.Registered)).status = PatentStatus.Rejected;
        _burn(patentId);
        emit PatentRejected(patentId, ipoffice, reasonHash);
    }

    /// @inheritdoc IPatentRegistry
    function revokePatent(uint256 patentId, bytes32 reasonHash) external {
        address ipoffice = _callerWith(Roles.IPOFFICE);
        _patentIn(patentId, _bit(PatentStatus.Verified)).status = PatentStatus.Revoked;
        emit PatentRevoked(patentId, ipoffice, reasonHash);
    }

    /// @inheritdoc IPatentRegistry
    function recordTransfer(uint256 patentId, address newOwner, bytes32 documentHash) external {
        address ipoffice = _callerWith(Roles.IPOFFICE);
        Patent storage patent = _patentIn(patentId, _bit(PatentStatus.Registered) | _bit(PatentStatus.Verified));
        require(patent.loanId == 0, PatentRegistryPatentInActiveLoan(patentId, patent.loanId));
        address from = _ownerOf(patentId);
        require(
            newOwner != from && IAccessControl(_finance).hasRole(Roles.ENTERPRISE, newOwner),
            PatentRegistryInvalidNewOwner(patentId, newOwner)
        );
        require(documentHash != 0, PatentRegistryMissingDocumentHash());
        patent.status = PatentStatus.Registered;
        _update(newOwner, patentId, address(0));
        emit PatentTransferRecorded(patentId, ipoffice, from, newOwner, documentHash);
    }

    /// @inheritdoc IPatentRegistry
    function updateLegalStatus(
        uint256 patentId,
        uint32 feePaidUntil,
        bool preserved,
        bool invalidationPending
    ) external {
        address ipoffice = _callerWith(Roles.IPOFFICE);
        Patent storage patent = _patentIn(patentId, _bit(PatentStatus.Verified) | _bit(PatentStatus.Pledged));
        patent.feePaidUntil = feePaidUntil;
        patent.preserved = preserved;
        patent.invalidationPending = invalidationPending;
        emit LegalStatusUpdated(patentId, ipoffice, patent.loanId, feePaidUntil, preserved, invalidationPending);
    }

    // ---- appraiser ----

    /// @inheritdoc IPatentRegistry
    function recordAppraisal(uint256 patentId, uint96 value, uint32 validUntil, bytes32 reportHash) external {
        address appraiser = _callerWith(Roles.APPRAISER);
        Patent storage patent = _patentIn(patentId, _bit(PatentStatus.Verified) | _bit(PatentStatus.Pledged));
        require(value > 0 && validUntil > block.timestamp, PatentRegistryInvalidAppraisal(value, validUntil));
        require(reportHash != 0, PatentRegistryMissingDocumentHash());
        uint32 index = patent.appraisalCount++;
        _appraisals[patentId][index] = Appraisal({
            value: value,
            validUntil: validUntil,
            recordedAt: uint32(block.timestamp),
            appraiser: appraiser,
            reportHash: reportHash
        });
        emit AppraisalRecorded(patentId, appraiser, index, value, validUntil, reportHash);
    }

    // ---- collateral (finance core only) ----

    /// @inheritdoc IPatentRegistry
    function reserve(uint64 loanId, address borrower, uint256[] calldata patentIds) external onlyFinance {
        for (uint256 i; i < patentIds.length; ++i) {
            uint256 patentId = patentIds[i];
            Patent storage patent = _existing(patentId);
            _requireOwner(patentId, borrower);
            require(patent.loanId == 0, PatentRegistryPatentInActiveLoan(patentId, patent.loanId));
            _requireState(patentId, patent.status, _bit(PatentStatus.Verified));
            require(block.timestamp <= patent.expiryDate, PatentRegistryPatentExpired(patentId, patent.expiryDate));
            patent.loanId = loanId;
        }
    }

    /// @inheritdoc IPatentRegistry
    function unreserve(uint64, uint256[] calldata patentIds) external onlyFinance {
        for (uint256 i; i < patentIds.length; ++i) _patents[patentIds[i]].loanId = 0;
    }

    /// @inheritdoc IPatentRegistry
    function pledge(
        uint64,
        uint256[] calldata patentIds,
        uint32 maturity
    ) external onlyFinance returns (uint32 collateralExpiry) {
        collateralExpiry = type(uint32).max;
        for (uint256 i; i < patentIds.length; ++i) {
            uint256 patentId = patentIds[i];
            Patent storage patent = _patents[patentId];
            // The borrower still owns it: reserve checked that, and a reserved patent cannot change hands.
            _requireState(patentId, patent.status, _bit(PatentStatus.Verified));
            _requireSoundLegalStatus(patentId, patent, maturity);
            require(
                patent.expiryDate >= maturity,
                PatentRegistryExpiresBeforeMaturity(patentId, patent.expiryDate, maturity)
            );
            patent.status = PatentStatus.Pledged;
            if (patent.expiryDate < collateralExpiry) collateralExpiry = patent.expiryDate;
        }
    }

    /// @inheritdoc IPatentRegistry
    function checkLegalStatus(uint256[] calldata patentIds, uint32 maturity) external view {
        for (uint256 i; i < patentIds.length; ++i) {
            _requireSoundLegalStatus(patentIds[i], _patents[patentIds[i]], maturity);
        }
    }

    /// @inheritdoc IPatentRegistry
    function releasePledge(uint64, uint256[] calldata patentIds) external onlyFinance {
        for (uint256 i; i < patentIds.length; ++i) {
            Patent storage patent = _patents[patentIds[i]];
            patent.status = PatentStatus.Verified;
            patent.loanId = 0;
        }
    }

    /// @inheritdoc IPatentRegistry
    function transferCollateral(uint64, uint256[] calldata patentIds, address buyer) external onlyFinance {
        for (uint256 i; i < patentIds.length; ++i) {
            _patents[patentIds[i]].status = PatentStatus.Verified;
            // No authorisation: the finance core has checked the disposal; the loan keeps the patent
            // held until the IP office cancels the pledge registration.
            _update(buyer, patentIds[i], address(0));
        }
    }

    // ---- views ----

    /// @inheritdoc IPatentRegistry
    function finance() external view returns (address) {
        return _finance;
    }

    /// @inheritdoc IPatentRegistry
    function getPatent(uint256 patentId) external view returns (Patent memory) {
        return _patents[patentId];
    }

    /// @inheritdoc IPatentRegistry
    function getAppraisal(uint256 patentId, uint32 index) external view returns (Appraisal memory) {
        return _appraisals[patentId][index];
    }

    /// @inheritdoc IPatentRegistry
    function currentAppraisal(uint256 patentId) public view returns (bool found, uint32 index, uint96 value) {
        mapping(uint32 => Appraisal) storage appraisals = _appraisals[patentId];
        uint32 count = _patents[patentId].appraisalCount;
        uint32 oldest = count > APPRAISAL_WINDOW ? count - APPRAISAL_WINDOW : 0;
        for (uint32 i = count; i > oldest; --i) {
            Appraisal storage appraisal = appraisals[i - 1];
            if (block.timestamp <= appraisal.validUntil) return (true, i - 1, appraisal.value);
        }
    }

    /// @inheritdoc IPatentRegistry
    function appraisedTotal(uint256[] calldata patentIds) external view returns (uint256 total) {
        for (uint256 i; i < patentIds.length; ++i) {
            Patent storage patent = _patents[patentIds[i]];
            bool standing = patent.status == PatentStatus.Verified || patent.status == PatentStatus.Pledged;
            if (!standing || block.timestamp > patent.expiryDate) continue;
            (, , uint96 value) = currentAppraisal(patentIds[i]);
            total += value;
        }
    }

    /// @inheritdoc IPatentRegistry
    function patentIdOf(string calldata number) external pure returns (uint256) {
        (bytes16 normal, ) = PatentNumber.normalize(number);
        return PatentNumber.idOf(normal);
    }

    // ---- internals ----

    /// @dev The organisation the caller's key signs for, which must hold `role` while the platform runs.
    function _callerWith(bytes32 role) private view returns (address identity) {
        return IPledgeFinance(_finance).requireActiveRole(role, msg.sender);
    }

    /// @dev Owners' transfers (those with an `auth`) are refused: a patent changes hands only as the
    ///      register records it (recordTransfer, transferCollateral), which pass `auth = 0`.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        require(auth == address(0), PatentRegistryTransferOnlyByRegister());
        return super._update(to, tokenId, auth);
    }

    /// @dev No approvals either: nobody could use them. ERC-721 clearing one inside a transfer has no `auth`.
    function _approve(address to, uint256 tokenId, address auth, bool emitEvent) internal override {
        require(auth == address(0), PatentRegistryTransferOnlyByRegister());
        super._approve(to, tokenId, auth, emitEvent);
    }

    function _setApprovalForAll(address, address, bool) internal pure override {
        revert PatentRegistryTransferOnlyByRegister();
    }

    /// @dev The IP office's refusal rules that can change after registration: fee, preservation, invalidation.
    function _requireSoundLegalStatus(uint256 patentId, Patent storage patent, uint32 maturity) private view {
        require(patent.feePaidUntil >= maturity, PatentRegistryFeeUnpaid(patentId, patent.feePaidUntil, maturity));
        require(!patent.preserved, PatentRegistryPreserved(patentId));
        require(!patent.invalidationPending, PatentRegistryInvalidationPending(patentId));
    }

    function _patentIn(uint256 patentId, bytes32 expectedStates) private view returns (Patent storage patent) {
        patent = _existing(patentId);
        _requireState(patentId, patent.status, expectedStates);
    }

    function _existing(uint256 patentId) private view returns (Patent storage patent) {
        patent = _patents[patentId];
        require(patent.status != PatentStatus.None, PatentRegistryUnknownPatent(patentId));
    }

    function _requireOwner(uint256 patentId, address account) private view {
        address owner = _ownerOf(patentId);
        require(owner == account, PatentRegistryNotOwner(patentId, owner, account));
    }

    function _requireState(uint256 patentId, PatentStatus current, bytes32 expectedStates) private pure {
        require(
            _bit(current) & expectedStates != 0,
            PatentRegistryUnexpectedPatentState(patentId, current, expectedStates)
        );
    }

    function _bit(PatentStatus status) private pure returns (bytes32) {
        return bytes32(1 << uint8(status));
    }
}
