// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title The organisation kinds of iPledge as access-control roles
/// @notice Every organisation holds exactly the role of its kind (SPEC section 1). The role names are
///         keccak256 of the kind's name, so off-chain code can derive them without the ABI.
library Roles {
    bytes32 internal constant ENTERPRISE = keccak256("ENTERPRISE_ROLE");
    bytes32 internal constant APPRAISER = keccak256("APPRAISER_ROLE");
    bytes32 internal constant IPOFFICE = keccak256("IPOFFICE_ROLE");
    bytes32 internal constant BANK = keccak256("BANK_ROLE");
    bytes32 internal constant FUND = keccak256("FUND_ROLE");
    bytes32 internal constant REGULATOR = keccak256("REGULATOR_ROLE");
    /// @dev Not granted to anyone: the registry names it when someone other than the finance core
    ///      calls a collateral function, so every refusal reads the same way.
    bytes32 internal constant FINANCE_CORE = keccak256("FINANCE_CORE_ROLE");
}
