// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IPatentRegistryErrors, IPatentRegistryTypes} from "../interfaces/IPatentRegistry.sol";

/// @title Chinese patent numbers: normalisation and the check digit
/// @notice `ZL 2021 1 0123456.7`, `zl202110123456.7` and `CN202110123456.7` are one patent. The
///         normal form is `CN` + 12 digits + `.` + check digit; the check digit is the digits
///         weighted 2,3,4,5,6,7,8,9,2,3,4,5, summed, mod 11, with `X` for 10. The fifth digit is
///         the kind: 1 or 8 invention, 2 or 9 utility model, 3 design.
library PatentNumber {
    uint256 internal constant NORMAL_LENGTH = 16;
    uint256 private constant DIGITS = 12;
    uint256 private constant DOT_AT = 14;
    uint256 private constant CHECK_AT = 15;

    /// @return normal the number in normal form
    /// @return kind the kind its fifth digit gives
    function normalize(
        string memory number
    ) internal pure returns (bytes memory normal, IPatentRegistryTypes.PatentKind kind) {
        normal = _compact(number);
        _requireShape(normal, number);
        kind = _kindOf(normal[6], number);
        bytes1 expected = _checkDigit(normal);
        require(normal[CHECK_AT] == expected, IPatentRegistryErrors.PatentRegistryWrongCheckDigit(number, expected));
    }

    /// @notice The token id of a number: keccak256 of its normal form.
    function idOf(bytes memory normal) internal pure returns (uint256) {
        return uint256(keccak256(normal));
    }

    /// @dev Removes spaces, upper-cases letters and reads a leading ZL as CN.
    function _compact(string memory number) private pure returns (bytes memory normal) {
        bytes memory raw = bytes(number);
        normal = new bytes(NORMAL_LENGTH);
        uint256 length;
        for (uint256 i; i < raw.length; ++i) {
            bytes1 c = raw[i];
            if (c == " ") continue;
            require(length < NORMAL_LENGTH, IPatentRegistryErrors.PatentRegistryMalformedNumber(number));
            if (c >= "a" && c <= "z") c = bytes1(uint8(c) - 32);
            normal[length++] = c;
        }
        require(length == NORMAL_LENGTH, IPatentRegistryErrors.PatentRegistryMalformedNumber(number));
        if (normal[0] == "Z" && normal[1] == "L") (normal[0], normal[1]) = (bytes1("C"), bytes1("N"));
    }

    function _requireShape(bytes memory normal, string memory number) private pure {
        bool ok = normal[0] == "C" && normal[1] == "N" && normal[DOT_AT] == ".";
        for (uint256 i = 2; ok && i < 2 + DIGITS; ++i) ok = _isDigit(normal[i]);
        bytes1 check = normal[CHECK_AT];
        ok = ok && (_isDigit(check) || check == "X");
        require(ok, IPatentRegistryErrors.PatentRegistryMalformedNumber(number));
    }

    function _kindOf(bytes1 digit, string memory number) private pure returns (IPatentRegistryTypes.PatentKind) {
        if (digit == "1" || digit == "8") return IPatentRegistryTypes.PatentKind.Invention;
        if (digit == "2" || digit == "9") return IPatentRegistryTypes.PatentKind.UtilityModel;
        if (digit == "3") return IPatentRegistryTypes.PatentKind.Design;
        revert IPatentRegistryErrors.PatentRegistryMalformedNumber(number);
    }

    function _checkDigit(bytes memory normal) private pure returns (bytes1) {
        uint256 sum;
        for (uint256 i; i < DIGITS; ++i) {
            uint256 weight = i < 8 ? i + 2 : i - 6; // 2..9 then 2..5
            sum += (uint8(normal[2 + i]) - 48) * weight;
        }
        uint256 check = sum % 11;
        return check == 10 ? bytes1("X") : bytes1(uint8(48 + check));
    }

    function _isDigit(bytes1 c) private pure returns (bool) {
        return c >= "0" && c <= "9";
    }
}
