// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IPledgeFinanceTypes} from "../interfaces/IPledgeFinance.sol";

/// @title The money maths of a pledge loan: pure functions, integer fen, rates in basis points
/// @notice Interest is simple and ACT/365, accrues by the second on outstanding principal and is
///         rounded down to the fen each time it is computed (at every repayment, default and view).
///         After maturity the principal accrues penalty interest (罚息) at 150% of the contract rate
///         instead of the normal rate.
library LoanMath {
    uint256 internal constant BPS = 10_000;
    uint256 internal constant YEAR = 365 days;
    uint256 internal constant DAY = 1 days;
    uint256 internal constant PENALTY_RATE_BPS = 15_000;

    /// @notice Interest and penalty that `principal` accrues from `from` to `to`.
    function accrue(
        uint256 principal,
        uint256 rateBps,
        uint256 from,
        uint256 to,
        uint256 maturityAt
    ) internal pure returns (uint256 interest, uint256 penalty) {
        uint256 normalEnd = to < maturityAt ? to : maturityAt;
        if (normalEnd > from) interest = (principal * rateBps * (normalEnd - from)) / (BPS * YEAR);
        uint256 penaltyStart = from > maturityAt ? from : maturityAt;
        if (to > penaltyStart) {
            penalty = (principal * rateBps * PENALTY_RATE_BPS * (to - penaltyStart)) / (BPS * BPS * YEAR);
        }
    }

    /// @notice Splits a repayment: penalty first, then interest, then principal. The caller has
    ///         checked that `amount` does not exceed the sum owed.
    function allocate(
        uint256 amount,
        uint256 penaltyDue,
        uint256 interestDue
    ) internal pure returns (IPledgeFinanceTypes.Allocation memory paid) {
        paid.amount = amount;
        paid.penalty = amount < penaltyDue ? amount : penaltyDue;
        // Cannot underflow: the penalty paid is at most `amount`, the interest paid at most the rest.
        unchecked {
            uint256 rest = amount - paid.penalty;
            paid.interest = rest < interestDue ? rest : interestDue;
            paid.principal = rest - paid.interest;
        }
    }

    /// @notice `amount` x `shareBps` / 10,000, rounded down.
    function share(uint256 amount, uint256 shareBps) internal pure returns (uint256) {
        return (amount * shareBps) / BPS;
    }

    /// @notice Maturity: `start` plus `termDays` whole days.
    function maturity(uint256 start, uint256 termDays) internal pure returns (uint256) {
        return start + termDays * DAY;
    }
}
