// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IPatentRegistryErrors, IPatentRegistryTypes} from "../interfaces/IPatentRegistry.sol";

/// @title Chinese patent numbers: normalisation and the check digit
/// @notice `ZL 2021 1 0123456.7`, `zl202110123456.7` and `CN202110123456.7` are one patent. The
///         normal form is `CN` + 12 digits + `.` + check digit; the check digit is the digits
///         weighted 2,3,4,5,6,7,8,9,2,3,4,5, summed, mod 11, with `X` for 10. The fifth digit is
///         the kind: 1 or 8 invention, 2 or 9 utility model, 3 design.
/// @dev Reverts use `if (...) revert` rather than `require(..., Error(number))`: `require`
///      evaluates its error's arguments even when the condition holds, copying the string each time.
///      The 16 characters of the normal form are kept in one word, first character highest, so
///      normalising costs a few thousand gas rather than a memory buffer's tens of thousands.
library PatentNumber {
    uint256 private constant LENGTH = 16;
    uint256 private constant DIGITS = 12;
    uint256 private constant PREFIX_CN = 0x434e; // "CN"
    uint256 private constant PREFIX_ZL = 0x5a4c; // "ZL"

    /// @return normal the number in normal form
    /// @return kind the kind its fifth digit gives
    function normalize(
        string calldata number
    ) internal pure returns (bytes16 normal, IPatentRegistryTypes.PatentKind kind) {
        uint256 packed = _compact(number);
        if (packed >> 112 == PREFIX_ZL) packed = (packed & type(uint112).max) | (PREFIX_CN << 112);
        bool ok = packed >> 112 == PREFIX_CN && _charAt(packed, 14) == 0x2e; // "."
        uint256 sum;
        for (uint256 i; ok && i < DIGITS; ++i) {
            uint256 c = _charAt(packed, 2 + i);
            ok = c >= 0x30 && c <= 0x39;
            if (ok) sum += (c - 0x30) * (i < 8 ? i + 2 : i - 6); // weights 2..9, then 2..5
        }
        uint256 check = _charAt(packed, 15);
        if (!ok || !((check >= 0x30 && check <= 0x39) || check == 0x58)) _revertMalformed(number);
        kind = _kindOf(_charAt(packed, 6), number);
        bytes1 expected = sum % 11 == 10 ? bytes1("X") : bytes1(uint8(0x30 + (sum % 11)));
        if (check != uint8(expected)) revert IPatentRegistryErrors.PatentRegistryWrongCheckDigit(number, expected);
        normal = bytes16(uint128(packed));
    }

    /// @notice The token id of a number: keccak256 of its normal form.
    function idOf(bytes16 normal) internal pure returns (uint256) {
        return uint256(keccak256(abi.encodePacked(normal)));
    }

    /// @notice The normal form as text.
    function toString(bytes16 normal) internal pure returns (string memory) {
        return string(abi.encodePacked(normal));
    }

    /// @dev Removes spaces and upper-cases letters, packing the 16 characters into one word.
    function _compact(string calldata number) private pure returns (uint256 packed) {
        bytes calldata raw = bytes(number);
        uint256 length;
        for (uint256 i; i < raw.length; ++i) {
            uint256 c = uint8(raw[i]);
            if (c == 0x20) continue;
            if (c >= 0x61 && c <= 0x7a) c -= 0x20;
            if (length == LENGTH) _revertMalformed(number);
            packed = (packed << 8) | c;
            ++length;
        }
        if (length != LENGTH) _revertMalformed(number);
    }

    function _kindOf(uint256 digit, string calldata number) private pure returns (IPatentRegistryTypes.PatentKind) {
        if (digit == 0x31 || digit == 0x38) return IPatentRegistryTypes.PatentKind.Invention;
        if (digit == 0x32 || digit == 0x39) return IPatentRegistryTypes.PatentKind.UtilityModel;
        if (digit == 0x33) return IPatentRegistryTypes.PatentKind.Design;
        revert IPatentRegistryErrors.PatentRegistryMalformedNumber(number);
    }

    /// @dev The character at `index` (0 = first) of the 16 packed ones.
    function _charAt(uint256 packed, uint256 index) private pure returns (uint256) {
        return (packed >> (8 * (LENGTH - 1 - index))) & 0xff;
    }

    function _revertMalformed(string calldata number) private pure {
        revert IPatentRegistryErrors.PatentRegistryMalformedNumber(number);
    }
}
