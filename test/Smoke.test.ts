import { expect } from "chai";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import { deployPlatform, loanIn } from "./helpers/fixtures";
import { LoanStatus } from "./helpers/enums";

describe("smoke", () => {
  for (const state of ["Closed", "Disposed", "Cancelled"]) {
    it(`reaches ${state}`, async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await loanIn(p, state);
      expect((await p.finance.getLoan(loanId)).status).to.equal(LoanStatus[state as keyof typeof LoanStatus]);
    });
  }
});
