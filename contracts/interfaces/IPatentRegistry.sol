// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title Types, errors and events of the iPledge patent registry
/// @notice A patent is an ERC-721 token whose id is keccak256 of its normalised number
///         (`CN` + 12 digits + `.` + check digit), so a number registers once and can never be
///         pledged twice (SPEC section 2). Times are unix seconds of chain time in uint32
///         (valid until 2106); amounts are integer fen.
interface IPatentRegistryTypes {
    /// @notice The patent's life cycle. Append-only: the order is part of the ABI.
    enum PatentStatus {
        None,
        Registered,
        Verified,
        Rejected,
        Pledged,
        Revoked
    }

    /// @notice The patent's kind, as the fifth digit of its number says. Append-only.
    enum PatentKind {
        Invention,
        UtilityModel,
        Design
    }

    /// @notice A patent as the registry keeps it. The owner is the ERC-721 owner.
    /// @dev The certificate's SHA-256 is part of the canonical metadata, so `metadataHash` commits
    ///      to it, and {PatentRegistered} records it; storing it again would cost a word (22,100 gas)
    ///      on every registration.
    struct Patent {
        bytes32 metadataHash; // SHA-256 of the canonical metadata document (which names the certificate's SHA-256)
        PatentStatus status;
        PatentKind kind;
        uint32 grantDate;
        uint32 expiryDate; // protection ends after this second
        uint32 feePaidUntil; // annual fee paid through this second (set by the IP office)
        bool preserved; // court preservation (保全)
        bool invalidationPending; // an invalidation request is pending
        uint64 loanId; // the active loan holding this patent, 0 when none
        uint32 appraisalCount;
    }

    /// @notice One valuation by an appraiser. The newest unexpired one counts.
    struct Appraisal {
        uint96 value; // fen
        uint32 validUntil; // valid through this second
        uint32 recordedAt;
        address appraiser;
        bytes32 reportHash; // SHA-256 of the valuation report
    }
}

interface IPatentRegistryErrors is IPatentRegistryTypes {
    /// @notice `number` is not `CN`/`ZL` + 12 digits + `.` + a check digit, or its fifth digit names no kind.
    error PatentRegistryMalformedNumber(string number);
    /// @notice The last character of `number` is not its check digit `expected`.
    error PatentRegistryWrongCheckDigit(string number, bytes1 expected);
    /// @notice The declared kind differs from the kind the number's fifth digit gives.
    error PatentRegistryKindMismatch(string number, PatentKind declared, PatentKind fromNumber);
    /// @notice A patent with this number is already on the ledger (a rejected registration does not count).
    error PatentRegistryAlreadyRegistered(uint256 patentId);
    error PatentRegistryUnknownPatent(uint256 patentId);
    /// @notice The patent is in `current`; the action needs one of the states set in the `expectedStates` bitmap.
    error PatentRegistryUnexpectedPatentState(uint256 patentId, PatentStatus current, bytes32 expectedStates);
    /// @notice Grant and expiry dates must satisfy grantDate <= now < expiryDate and grantDate < expiryDate.
    error PatentRegistryInvalidDates(uint32 grantDate, uint32 expiryDate);
    /// @notice A document hash that must be present is zero.
    error PatentRegistryMissingDocumentHash();
    /// @notice An appraisal's value must be positive and its validity must end in the future.
    error PatentRegistryInvalidAppraisal(uint96 value, uint32 validUntil);
    error PatentRegistryNotOwner(uint256 patentId, address owner, address account);
    error PatentRegistryPatentExpired(uint256 patentId, uint32 expiryDate);
    error PatentRegistryPatentInActiveLoan(uint256 patentId, uint64 loanId);
    /// @notice A patent changes hands only as the register records it: by the IP office (recordTransfer)
    ///         or by a disposal. Owners' ERC-721 transfers and approvals are refused.
    error PatentRegistryTransferOnlyByRegister();
    /// @notice A recorded transfer goes to another enterprise.
    error PatentRegistryInvalidNewOwner(uint256 patentId, address newOwner);
    error PatentRegistryFeeUnpaid(uint256 patentId, uint32 feePaidUntil, uint32 maturity);
    error PatentRegistryPreserved(uint256 patentId);
    error PatentRegistryInvalidationPending(uint256 patentId);
    error PatentRegistryExpiresBeforeMaturity(uint256 patentId, uint32 expiryDate, uint32 maturity);
    /// @dev Mirrors of OpenZeppelin's errors, raised when the finance core refuses a role or is paused.
    error AccessControlUnauthorizedAccount(address account, bytes32 neededRole);
    error EnforcedPause();
}

interface IPatentRegistryEvents is IPatentRegistryTypes {
    event PatentRegistered(
        uint256 indexed patentId,
        address indexed owner,
        string number,
        PatentKind kind,
        uint32 grantDate,
        uint32 expiryDate,
        bytes32 metadataHash,
        bytes32 certificateHash
    );
    event PatentVerified(uint256 indexed patentId, address indexed actor, uint32 feePaidUntil);
    event PatentRejected(uint256 indexed patentId, address indexed actor, bytes32 reasonHash);
    event PatentRevoked(uint256 indexed patentId, address indexed actor, bytes32 reasonHash);
    /// @notice `loanId` is the active loan holding the patent (0 when none), so the indexer can flag its collateral.
    event LegalStatusUpdated(
        uint256 indexed patentId,
        address indexed actor,
        uint64 indexed loanId,
        uint32 feePaidUntil,
        bool preserved,
        bool invalidationPending
    );
    /// @notice The IP office recorded a change of owner (著录项目变更); the patent awaits verification again.
    event PatentTransferRecorded(
        uint256 indexed patentId,
        address indexed actor,
        address indexed from,
        address to,
        bytes32 documentHash
    );
    event AppraisalRecorded(
        uint256 indexed patentId,
        address indexed appraiser,
        uint32 appraisalIndex,
        uint96 value,
        uint32 validUntil,
        bytes32 reportHash
    );
}

/// @title The patent registry's external interface
interface IPatentRegistry is IPatentRegistryErrors, IPatentRegistryEvents {
    /// @notice Registers a granted patent owned by the calling enterprise. The number may be written
    ///         with spaces, in lower case or with a `ZL` prefix; it is stored normalised.
    /// @return patentId keccak256 of the normalised number
    function registerPatent(
        string calldata number,
        PatentKind kind,
        uint32 grantDate,
        uint32 expiryDate,
        bytes32 metadataHash,
        bytes32 certificateHash
    ) external returns (uint256 patentId);

    /// @notice IP office: the record matches the official register; `feePaidUntil` is the annual-fee date.
    function verifyPatent(uint256 patentId, uint32 feePaidUntil) external;

    /// @notice IP office: the registration is not in the official register. Its token is burnt and the
    ///         number is free again, so a squatter keeps nothing and the rightful holder can register.
    function rejectPatent(uint256 patentId, bytes32 reasonHash) external;

    /// @notice IP office: the patent was invalidated or terminated. Not while pledged.
    function revokePatent(uint256 patentId, bytes32 reasonHash) external;

    /// @notice IP office: records a change of owner (著录项目变更) to another enterprise, backed by the
    ///         document whose hash is given. Not while the patent is in an application or a loan; the
    ///         patent returns to Registered, so the new owner's record is verified before any pledge.
    function recordTransfer(uint256 patentId, address newOwner, bytes32 documentHash) external;

    function updateLegalStatus(
        uint256 patentId,
        uint32 feePaidUntil,
        bool preserved,
        bool invalidationPending
    ) external;

    function recordAppraisal(uint256 patentId, uint96 value, uint32 validUntil, bytes32 reportHash) external;

    // ---- collateral, for the finance core only ----

    /// @notice Holds patents for a new application: each owned by `borrower`, verified, unexpired, in no loan.
    function reserve(uint64 loanId, address borrower, uint256[] calldata patentIds) external;

    /// @notice Lets go of patents held by a loan that ended without (or after) its pledge.
    function unreserve(uint64 loanId, uint256[] calldata patentIds) external;

    /// @notice Runs the IP office's refusal rules and marks the patents pledged. The borrower still owns
    ///         them: reserve checked that, and a patent held by a loan cannot change hands.
    /// @return collateralExpiry the earliest expiry among the patents, which bounds the loan's maturity
    function pledge(
        uint64 loanId,
        uint256[] calldata patentIds,
        uint32 maturity
    ) external returns (uint32 collateralExpiry);

    /// @notice Reverts unless each patent's legal status still allows the pledge to `maturity`: annual fee
    ///         paid through it, no court preservation, no invalidation pending. Disbursement asks again.
    function checkLegalStatus(uint256[] calldata patentIds, uint32 maturity) external view;

    /// @notice Cancels the pledge on repaid patents: they return to verified and leave the loan.
    function releasePledge(uint64 loanId, uint256[] calldata patentIds) external;

    /// @notice Disposal: hands pledged patents to `buyer`, verified; they stay held until the pledge is cancelled.
    function transferCollateral(uint64 loanId, uint256[] calldata patentIds, address buyer) external;

    // ---- views ----

    function finance() external view returns (address);

    function getPatent(uint256 patentId) external view returns (Patent memory);

    function getAppraisal(uint256 patentId, uint32 index) external view returns (Appraisal memory);

    /// @notice The value of the newest appraisal still valid now among the patent's APPRAISAL_WINDOW (8)
    ///         newest; `found` is false when none is.
    function currentAppraisal(uint256 patentId) external view returns (bool found, uint32 index, uint96 value);

    /// @notice Sum of the current appraisals of `patentIds`. A patent adds 0 when it has no valid
    ///         appraisal, or is no longer verified (revoked) or has expired: it is worth nothing as collateral.
    function appraisedTotal(uint256[] calldata patentIds) external view returns (uint256 total);

    /// @notice The id a number registers under, after normalisation and validation.
    function patentIdOf(string calldata number) external pure returns (uint256);
}
