import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import {
  DAY,
  ADMIN_TRANSFER_DELAY,
  DEFAULT_PARAMS,
  PRODUCT_TERMS,
  STANDARD_LOAN,
  YEAR,
  applyForLoan,
  createProduct,
  deployPlatform,
  hash,
  loanIn,
  registerPatent,
  type Platform,
} from "./helpers/fixtures";
import { LoanStatus, PatentStatus, stateBits } from "./helpers/enums";
import { GUARDED_FINANCE, GUARDED_REGISTRY, SIGNERS, pausable } from "./helpers/guarded";

const APPRAISAL = 10_000_000_00n; // each fixture patent is appraised at ¥10,000,000.00

async function apply(p: Platform, patentIds: bigint[], amount = 1_000_000_00n, termDays = 365n, from = p.ent1) {
  const productId = await createProduct(p);
  return p.finance.connect(from).applyForLoan(productId, patentIds, amount, termDays, hash("purpose"));
}

describe("PledgeFinance", () => {
  describe("platform", () => {
    it("binds the registry once, and only one that names this core", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.finance.setRegistry(await p.registry.getAddress()))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceRegistryAlreadySet")
        .withArgs(await p.registry.getAddress());
      expect(await p.finance.registry()).to.equal(await p.registry.getAddress());
      expect(await p.registry.finance()).to.equal(await p.finance.getAddress());
      const fresh = await ethers.deployContract("PledgeFinance", [
        p.admin.address,
        ADMIN_TRANSFER_DELAY,
        DEFAULT_PARAMS,
      ]);
      await expect(fresh.setRegistry(await p.registry.getAddress()))
        .to.be.revertedWithCustomError(fresh, "PledgeFinanceRegistryMismatch")
        .withArgs(await p.registry.getAddress(), await p.finance.getAddress());
    });

    it("starts with SPEC's default parameters and lets the operator change them", async () => {
      const p = await loadFixture(deployPlatform);
      expect(await p.finance.params()).to.deep.equal(Object.values(DEFAULT_PARAMS));
      const next = { ltvCapBps: 6_000n, graceDays: 30n, fundShareBps: 4_000n, fundCapacity: 5n, fundDecisionDays: 14n };
      await expect(p.finance.setParams(next))
        .to.emit(p.finance, "ParamsUpdated")
        .withArgs(p.admin.address, Object.values(next));
      expect(await p.finance.params()).to.deep.equal(Object.values(next));
    });

    for (const [label, bad] of [
      ["a zero LTV cap", { ...DEFAULT_PARAMS, ltvCapBps: 0n }],
      ["an LTV cap above 100%", { ...DEFAULT_PARAMS, ltvCapBps: 10_001n }],
      ["a fund share above 100%", { ...DEFAULT_PARAMS, fundShareBps: 10_001n }],
    ] as const) {
      it(`refuses ${label}`, async () => {
        const p = await loadFixture(deployPlatform);
        await expect(p.finance.setParams(bad))
          .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidParams")
          .withArgs(Object.values(bad));
      });
    }

    it("lets an account hold one organisation role only", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.finance.grantRole(p.roles.enterprise, p.bank1.address))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
        .withArgs(p.bank1.address, p.roles.bank);
      await expect(p.finance.grantRole(p.roles.bank, p.admin.address))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
        .withArgs(p.admin.address, p.roles.admin);
      await expect(p.finance.grantRole(p.roles.bank, p.bank1.address)).not.to.be.reverted;
    });
  });

  describe("products", () => {
    it("publishes a product with its bounds and lets only its bank close it", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.finance.connect(p.bank1).createProduct(PRODUCT_TERMS, hash("details")))
        .to.emit(p.finance, "ProductCreated")
        .withArgs(1n, p.bank1.address, Object.values(PRODUCT_TERMS), hash("details"));
      const product = await p.finance.getProduct(1n);
      expect(product.bank).to.equal(p.bank1.address);
      expect(product.active).to.equal(true);
      await expect(p.finance.connect(p.bank2).setProductActive(1n, false))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotProductBank")
        .withArgs(1n, p.bank2.address);
      await expect(p.finance.connect(p.bank1).setProductActive(1n, false))
        .to.emit(p.finance, "ProductStatusChanged")
        .withArgs(1n, p.bank1.address, false);
      await expect(p.finance.connect(p.bank1).setProductActive(9n, false))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnknownProduct")
        .withArgs(9n);
    });

    for (const [label, terms] of [
      ["zero maximum", { ...PRODUCT_TERMS, maxAmount: 0n }],
      ["min rate above max rate", { ...PRODUCT_TERMS, minRateBps: 900n, maxRateBps: 800n }],
      ["rate above 100%", { ...PRODUCT_TERMS, maxRateBps: 10_001n }],
      ["zero term", { ...PRODUCT_TERMS, maxTermDays: 0n }],
      ["term beyond a patent's life", { ...PRODUCT_TERMS, maxTermDays: 7_301n }],
      ["a maximum above ¥10 trillion", { ...PRODUCT_TERMS, maxAmount: 10n ** 15n + 1n }],
      ["zero LTV", { ...PRODUCT_TERMS, ltvBps: 0n }],
      ["LTV above the platform's cap", { ...PRODUCT_TERMS, ltvBps: 5_001n }],
    ] as const) {
      it(`refuses a product with ${label}`, async () => {
        const p = await loadFixture(deployPlatform);
        await expect(p.finance.connect(p.bank1).createProduct(terms, hash("d")))
          .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidProduct")
          .withArgs(Object.values(terms));
      });
    }
  });

  describe("application (SPEC 3)", () => {
    it("pledges several patents in one loan, addressed to the product's bank", async () => {
      const p = await loadFixture(deployPlatform);
      const ids = [await registerPatent(p), await registerPatent(p), await registerPatent(p)];
      const productId = await createProduct(p, p.bank2);
      await expect(p.finance.connect(p.ent1).applyForLoan(productId, ids, 123n, 30n, hash("working capital")))
        .to.emit(p.finance, "LoanApplied")
        .withArgs(1n, p.ent1.address, p.bank2.address, productId, ids, 123n, 30n, hash("working capital"));
      const loan = await p.finance.getLoan(1n);
      expect(loan.patentIds).to.deep.equal(ids);
      expect(loan.bank).to.equal(p.bank2.address);
      expect(loan.status).to.equal(LoanStatus.Applied);
      for (const id of ids) expect((await p.registry.getPatent(id)).loanId).to.equal(1n);
    });

    it("takes only the owner's patents", async () => {
      const p = await loadFixture(deployPlatform);
      const theirs = await registerPatent(p, { owner: p.ent2 });
      await expect(apply(p, [theirs]))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryNotOwner")
        .withArgs(theirs, p.ent2.address, p.ent1.address);
    });

    it("takes only verified patents", async () => {
      const p = await loadFixture(deployPlatform);
      const unverified = await registerPatent(p, { verify: false });
      await expect(apply(p, [unverified]))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(unverified, PatentStatus.Registered, stateBits(PatentStatus.Verified));
    });

    it("takes only unexpired patents", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p, { expiresIn: 10n * DAY });
      await time.increase(11n * DAY);
      const expiry = (await p.registry.getPatent(id)).expiryDate;
      await expect(apply(p, [id]))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryPatentExpired")
        .withArgs(id, expiry);
    });

    it("never puts a patent in two active loans (一权多押), nor twice in one", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await loanIn(p, "Disbursed");
      await expect(apply(p, [patentIds[0]]))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryPatentInActiveLoan")
        .withArgs(patentIds[0], loanId);
      const fresh = await registerPatent(p);
      await expect(apply(p, [fresh, fresh]))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryPatentInActiveLoan")
        .withArgs(fresh, loanId + 1n);
    });

    it("frees the patents of a rejected, withdrawn or cancelled application", async () => {
      const p = await loadFixture(deployPlatform);
      for (const state of ["Rejected", "Withdrawn", "Cancelled"]) {
        const { patentIds } = await loanIn(p, state);
        for (const id of patentIds) expect((await p.registry.getPatent(id)).loanId).to.equal(0n);
        await expect(apply(p, patentIds)).to.emit(p.finance, "LoanApplied");
      }
    });

    it("pledges 1 to 10 patents", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(apply(p, []))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidCollateralCount")
        .withArgs(0n);
      const eleven = Array.from({ length: 11 }, (_, i) => BigInt(i + 1));
      await expect(apply(p, eleven))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidCollateralCount")
        .withArgs(11n);
    });

    it("stays within the product: known, open, amount and term", async () => {
      const p = await loadFixture(deployPlatform);
      const id = await registerPatent(p);
      const productId = await createProduct(p);
      const applyTo = (product: bigint, amount: bigint, term: bigint) =>
        p.finance.connect(p.ent1).applyForLoan(product, [id], amount, term, hash("p"));
      await expect(applyTo(99n, 1n, 1n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnknownProduct")
        .withArgs(99n);
      await expect(applyTo(productId, 0n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
        .withArgs(0n, 1n, PRODUCT_TERMS.maxAmount);
      await expect(applyTo(productId, PRODUCT_TERMS.maxAmount + 1n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
        .withArgs(PRODUCT_TERMS.maxAmount + 1n, 1n, PRODUCT_TERMS.maxAmount);
      await expect(applyTo(productId, 1n, 0n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTermOutOfRange")
        .withArgs(0n, 1n, PRODUCT_TERMS.maxTermDays);
      await expect(applyTo(productId, 1n, PRODUCT_TERMS.maxTermDays + 1n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTermOutOfRange")
        .withArgs(PRODUCT_TERMS.maxTermDays + 1n, 1n, PRODUCT_TERMS.maxTermDays);
      await p.finance.connect(p.bank1).setProductActive(productId, false);
      await expect(applyTo(productId, 1n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceProductInactive")
        .withArgs(productId);
    });

    it("lets only the borrower withdraw", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await applyForLoan(p);
      await expect(p.finance.connect(p.ent2).withdrawApplication(loanId))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotLoanParty")
        .withArgs(loanId, p.ent2.address);
      await expect(p.finance.connect(p.ent1).withdrawApplication(loanId))
        .to.emit(p.finance, "LoanWithdrawn")
        .withArgs(loanId, p.ent1.address, (await p.finance.getLoan(loanId)).patentIds);
    });
  });

  describe("approval (SPEC 3)", () => {
    it("lets only the product's bank act on the loan", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await applyForLoan(p);
      await expect(p.finance.connect(p.bank2).approveLoan(loanId, 1n, 600n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotLoanParty")
        .withArgs(loanId, p.bank2.address);
      await expect(p.finance.connect(p.bank2).rejectApplication(loanId, hash("r")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotLoanParty")
        .withArgs(loanId, p.bank2.address);
    });

    it("keeps approved terms within the product and the request", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await applyForLoan(p, { ...STANDARD_LOAN, requested: 5_000_000_00n });
      const approve = (amount: bigint, rate: bigint, term: bigint) =>
        p.finance.connect(p.bank1).approveLoan(loanId, amount, rate, term);
      await expect(approve(5_000_000_01n, 600n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
        .withArgs(5_000_000_01n, 1n, 5_000_000_00n);
      await expect(approve(0n, 600n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
        .withArgs(0n, 1n, 5_000_000_00n);
      await expect(approve(1n, 299n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceRateOutOfRange")
        .withArgs(299n, 300n, 1_200n);
      await expect(approve(1n, 1_201n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceRateOutOfRange")
        .withArgs(1_201n, 300n, 1_200n);
      await expect(approve(1n, 600n, 1_096n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTermOutOfRange")
        .withArgs(1_096n, 1n, 1_095n);
    });

    it("caps the principal at the LTV times the patents' valid appraisals", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await applyForLoan(p, { ...STANDARD_LOAN, requested: 20_000_000_00n });
      const limit = (2n * APPRAISAL * 5_000n) / 10_000n;
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, limit + 1n, 600n, 365n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLtvExceeded")
        .withArgs(loanId, limit + 1n, limit, 2n * APPRAISAL, 5_000n);
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, limit, 600n, 365n))
        .to.emit(p.finance, "LoanApproved")
        .withArgs(loanId, p.bank1.address, limit, 600n, 365n, 2n * APPRAISAL, 5_000n);
    });

    it("uses the lower of the product's LTV and the platform's cap", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await applyForLoan(p, { ...STANDARD_LOAN, requested: 20_000_000_00n });
      await p.finance.setParams({ ...DEFAULT_PARAMS, ltvCapBps: 3_000n });
      const limit = (2n * APPRAISAL * 3_000n) / 10_000n;
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, limit + 1n, 600n, 365n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLtvExceeded")
        .withArgs(loanId, limit + 1n, limit, 2n * APPRAISAL, 3_000n);
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, limit, 600n, 365n)).to.emit(
        p.finance,
        "LoanApproved",
      );
    });

    it("uses the product's LTV when it is below the platform's cap", async () => {
      const p = await loadFixture(deployPlatform);
      const productId = await createProduct(p, p.bank1, { ...PRODUCT_TERMS, ltvBps: 2_500n });
      const patent = await registerPatent(p);
      await p.finance.connect(p.ent1).applyForLoan(productId, [patent], APPRAISAL, 365n, hash("p"));
      const loanId = await p.finance.loanCount();
      const limit = APPRAISAL / 4n;
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, limit + 1n, 600n, 365n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLtvExceeded")
        .withArgs(loanId, limit + 1n, limit, APPRAISAL, 2_500n);
    });

    it("counts only appraisals still valid at approval", async () => {
      const p = await loadFixture(deployPlatform);
      const valued = await registerPatent(p, { value: 0n });
      const until = BigInt(await time.latest()) + 30n * DAY;
      await p.registry.connect(p.appraiser).recordAppraisal(valued, 1_000n, until, hash("r"));
      await apply(p, [valued], 500n);
      const loanId = await p.finance.loanCount();
      await time.increaseTo(until + 1n);
      await expect(p.finance.connect(p.bank1).approveLoan(loanId, 1n, 600n, 30n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLtvExceeded")
        .withArgs(loanId, 1n, 0n, 0n, 5_000n);
    });
  });

  describe("pledge registration: the IP office's refusal rules (SPEC 3)", () => {
    async function approved(p: Platform, termDays = 365n) {
      const handle = await loanIn(p, "Approved", { ...STANDARD_LOAN, termDays });
      return handle;
    }
    const register = (p: Platform, loanId: bigint, no = "ZY2026-0001") =>
      p.finance.connect(p.ipoffice).registerPledge(loanId, no);

    it("records the registration number and date and pledges every patent", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await approved(p);
      const at = BigInt(await time.latest()) + 10n;
      await time.setNextBlockTimestamp(at);
      await expect(register(p, loanId))
        .to.emit(p.finance, "PledgeRegistered")
        .withArgs(loanId, p.ipoffice.address, p.ent1.address, patentIds, "ZY2026-0001", at, at + 365n * DAY);
      const loan = await p.finance.getLoan(loanId);
      expect([loan.status, loan.registrationNo, loan.registeredAt]).to.deep.equal([
        LoanStatus.Pledged,
        "ZY2026-0001",
        at,
      ]);
      for (const id of patentIds) expect((await p.registry.getPatent(id)).status).to.equal(PatentStatus.Pledged);
    });

    it("refuses an empty or overlong registration number", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await approved(p);
      await expect(register(p, loanId, "")).to.be.revertedWithCustomError(
        p.finance,
        "PledgeFinanceInvalidRegistrationNo",
      );
      await expect(register(p, loanId, "x".repeat(65))).to.be.revertedWithCustomError(
        p.finance,
        "PledgeFinanceInvalidRegistrationNo",
      );
    });

    it("refuses a patent that is no longer verified", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await approved(p);
      await p.registry.connect(p.ipoffice).revokePatent(patentIds[0], hash("invalidated"));
      await expect(register(p, loanId))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryUnexpectedPatentState")
        .withArgs(patentIds[0], PatentStatus.Revoked, stateBits(PatentStatus.Verified));
    });

    it("refuses when the annual fee is not paid through the maturity", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await approved(p);
      const now = BigInt(await time.latest());
      await p.registry.connect(p.ipoffice).updateLegalStatus(patentIds[0], now + 100n * DAY, false, false);
      await time.setNextBlockTimestamp(now + 10n);
      await expect(register(p, loanId))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryFeeUnpaid")
        .withArgs(patentIds[0], now + 100n * DAY, now + 10n + 365n * DAY);
    });

    it("refuses a patent under court preservation", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await approved(p);
      await p.registry.connect(p.ipoffice).updateLegalStatus(patentIds[1], 2_000_000_000n, true, false);
      await expect(register(p, loanId))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryPreserved")
        .withArgs(patentIds[1]);
    });

    it("refuses a patent under invalidation", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await approved(p);
      await p.registry.connect(p.ipoffice).updateLegalStatus(patentIds[0], 2_000_000_000n, false, true);
      await expect(register(p, loanId))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidationPending")
        .withArgs(patentIds[0]);
    });

    it("refuses when the estimated maturity falls after a patent's expiry", async () => {
      const p = await loadFixture(deployPlatform);
      const productId = await createProduct(p);
      const shortLived = await registerPatent(p, { expiresIn: 100n * DAY });
      await p.finance.connect(p.ent1).applyForLoan(productId, [shortLived], 1_000n, 200n, hash("p"));
      const loanId = await p.finance.loanCount();
      await p.finance.connect(p.bank1).approveLoan(loanId, 1_000n, 600n, 200n);
      const expiry = (await p.registry.getPatent(shortLived)).expiryDate;
      const at = BigInt(await time.latest()) + 5n;
      await time.setNextBlockTimestamp(at);
      await expect(register(p, loanId))
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryExpiresBeforeMaturity")
        .withArgs(shortLived, expiry, at + 200n * DAY);
    });
  });

  describe("cancellation before disbursement (SPEC 3)", () => {
    it("frees the patents of a loan cancelled after approval", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await loanIn(p, "Approved");
      await expect(p.finance.connect(p.bank1).cancelLoan(loanId, hash("terms refused")))
        .to.emit(p.finance, "LoanCancelled")
        .withArgs(loanId, p.bank1.address, patentIds, LoanStatus.Approved, hash("terms refused"));
      for (const id of patentIds) expect((await p.registry.getPatent(id)).loanId).to.equal(0n);
    });

    it("lifts the pledge of a loan cancelled after pledge registration, so it cannot be stuck", async () => {
      const p = await loadFixture(deployPlatform);
      const productId = await createProduct(p);
      const patent = await registerPatent(p, { expiresIn: 400n * DAY });
      await p.finance.connect(p.ent1).applyForLoan(productId, [patent], 1_000n, 365n, hash("p"));
      const loanId = await p.finance.loanCount();
      await p.finance.connect(p.bank1).approveLoan(loanId, 1_000n, 600n, 365n);
      await p.finance.connect(p.ipoffice).registerPledge(loanId, "ZY1");
      await time.increase(60n * DAY); // a disbursement now would mature after the patent expires
      await expect(p.finance.connect(p.bank1).disburse(loanId, hash("w"))).to.be.revertedWithCustomError(
        p.finance,
        "PledgeFinanceCollateralExpiresBeforeMaturity",
      );
      await expect(p.finance.connect(p.bank2).cancelLoan(loanId, hash("late")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotLoanParty")
        .withArgs(loanId, p.bank2.address);
      await expect(p.finance.connect(p.bank1).cancelLoan(loanId, hash("late")))
        .to.emit(p.finance, "LoanCancelled")
        .withArgs(loanId, p.bank1.address, [patent], LoanStatus.Pledged, hash("late"));
      const after = await p.registry.getPatent(patent);
      expect([after.status, after.loanId]).to.deep.equal([PatentStatus.Verified, 0n]);
      await expect(p.registry.connect(p.ipoffice).recordTransfer(patent, p.ent2.address, hash("notice"))).to.emit(
        p.registry,
        "PatentTransferRecorded",
      );
    });
  });

  describe("disbursement (SPEC 3)", () => {
    it("sets maturity to disbursement plus term and starts the principal", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await loanIn(p, "Pledged");
      const at = BigInt(await time.latest()) + 100n;
      await time.setNextBlockTimestamp(at);
      await expect(p.finance.connect(p.bank1).disburse(loanId, hash("wire 1")))
        .to.emit(p.finance, "LoanDisbursed")
        .withArgs(loanId, p.bank1.address, STANDARD_LOAN.amount, at, at + 365n * DAY, 90n, 5_000n, hash("wire 1"));
      const loan = await p.finance.getLoan(loanId);
      expect([loan.disbursedAt, loan.maturityAt, loan.principalOutstanding]).to.deep.equal([
        at,
        at + 365n * DAY,
        STANDARD_LOAN.amount,
      ]);
    });

    it("runs the legal-status refusal rules again: fee, preservation and invalidation can change after pledge", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await loanIn(p, "Pledged");
      const [first, second] = patentIds;
      const sound = (await p.registry.getPatent(first)).feePaidUntil;
      const ipoffice = p.registry.connect(p.ipoffice);
      const disburse = () => p.finance.connect(p.bank1).disburse(loanId, hash("wire"));

      await ipoffice.updateLegalStatus(second, sound, true, false);
      await expect(disburse()).to.be.revertedWithCustomError(p.registry, "PatentRegistryPreserved").withArgs(second);
      await ipoffice.updateLegalStatus(second, sound, false, true);
      await expect(disburse())
        .to.be.revertedWithCustomError(p.registry, "PatentRegistryInvalidationPending")
        .withArgs(second);
      const lapsed = BigInt(await time.latest()) + 30n * DAY;
      await ipoffice.updateLegalStatus(second, lapsed, false, false);
      await expect(disburse()).to.be.revertedWithCustomError(p.registry, "PatentRegistryFeeUnpaid");
      expect((await p.finance.getLoan(loanId)).status).to.equal(LoanStatus.Pledged);

      await ipoffice.updateLegalStatus(second, sound, false, false);
      await expect(disburse()).to.emit(p.finance, "LoanDisbursed");
    });

    it("checks the expiry rule again with the real date, against the earliest-expiring patent", async () => {
      const p = await loadFixture(deployPlatform);
      const productId = await createProduct(p);
      const patent = await registerPatent(p, { expiresIn: 400n * DAY });
      const longLived = await registerPatent(p);
      await p.finance.connect(p.ent1).applyForLoan(productId, [longLived, patent], 1_000n, 365n, hash("p"));
      const loanId = await p.finance.loanCount();
      await p.finance.connect(p.bank1).approveLoan(loanId, 1_000n, 600n, 365n);
      await p.finance.connect(p.ipoffice).registerPledge(loanId, "ZY1");
      await time.increase(60n * DAY);
      const at = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(at);
      const expiry = (await p.registry.getPatent(patent)).expiryDate;
      await expect(p.finance.connect(p.bank1).disburse(loanId, hash("w")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceCollateralExpiresBeforeMaturity")
        .withArgs(loanId, expiry, at + 365n * DAY);
    });
  });

  describe("repayment (SPEC 3)", () => {
    const plan = { ...STANDARD_LOAN, amount: 1_000_000_00n, rateBps: 730n, termDays: 100n };

    async function disbursedAt(p: Platform) {
      const handle = await loanIn(p, "Pledged", plan);
      const start = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(start);
      await p.finance.connect(p.bank1).disburse(handle.loanId, hash("w"));
      return { ...handle, start };
    }

    it("pays interest before principal and reports the allocation", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      await time.setNextBlockTimestamp(start + 10n * DAY);
      const interest = (plan.amount * 730n * 10n * DAY) / (10_000n * YEAR); // 2,000.00 yuan
      expect(interest).to.equal(2_000_00n);
      await expect(p.finance.connect(p.bank1).repay(loanId, 5_000_00n, hash("r1")))
        .to.emit(p.finance, "RepaymentRecorded")
        .withArgs(
          loanId,
          p.bank1.address,
          [5_000_00n, 0n, interest, 3_000_00n],
          [plan.amount - 3_000_00n, 0n, 0n, plan.amount - 3_000_00n],
          LoanStatus.Disbursed,
          hash("r1"),
        );
    });

    it("pays penalty first after maturity, at 150% of the rate", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      const maturity = start + 100n * DAY;
      await time.setNextBlockTimestamp(maturity + 10n * DAY);
      const interest = (plan.amount * 730n * 100n * DAY) / (10_000n * YEAR);
      const penalty = (plan.amount * 730n * 15_000n * 10n * DAY) / (10_000n * 10_000n * YEAR);
      expect(penalty).to.equal(3_000_00n);
      await expect(p.finance.connect(p.bank1).repay(loanId, 1_000_00n, hash("r")))
        .to.emit(p.finance, "RepaymentRecorded")
        .withArgs(
          loanId,
          p.bank1.address,
          [1_000_00n, 1_000_00n, 0n, 0n],
          [plan.amount, interest, penalty - 1_000_00n, plan.amount + interest + penalty - 1_000_00n],
          LoanStatus.Disbursed,
          hash("r"),
        );
    });

    it("accrues only penalty between two late repayments", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      const maturity = start + 100n * DAY;
      await time.setNextBlockTimestamp(maturity + DAY);
      await p.finance.connect(p.bank1).repay(loanId, 1n, hash("r1"));
      const before = await p.finance.getLoan(loanId);
      await time.setNextBlockTimestamp(maturity + 11n * DAY);
      const penalty = (plan.amount * 730n * 15_000n * 10n * DAY) / (10_000n * 10_000n * YEAR);
      const owed = await p.finance.owedAt(loanId, maturity + 11n * DAY);
      expect([owed.interest, owed.penalty]).to.deep.equal([before.interestDue, before.penaltyDue + penalty]);
    });

    it("refuses to take more than is owed, or nothing", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      await time.setNextBlockTimestamp(start + 10n * DAY);
      const owed = plan.amount + 2_000_00n;
      await expect(p.finance.connect(p.bank1).repay(loanId, owed + 1n, hash("r")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceOverpayment")
        .withArgs(loanId, owed + 1n, owed);
      await time.setNextBlockTimestamp(start + 10n * DAY + 1n);
      await expect(p.finance.connect(p.bank1).repay(loanId, 0n, hash("r")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAmountOutOfRange")
        .withArgs(0n, 1n, (await p.finance.owedAt(loanId, start + 10n * DAY + 1n)).total);
    });

    it("settles exactly what is owed at the block on payoff, and a repayment of all of it repays the loan", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      const at = start + 37n * DAY + 123n;
      const owed = await p.finance.owedAt(loanId, at);
      await time.setNextBlockTimestamp(at);
      await expect(p.finance.connect(p.bank1).repayInFull(loanId, hash("payoff")))
        .to.emit(p.finance, "RepaymentRecorded")
        .withArgs(
          loanId,
          p.bank1.address,
          [owed.total, 0n, owed.interest, owed.principal],
          [0n, 0n, 0n, 0n],
          LoanStatus.Repaid,
          hash("payoff"),
        );
      const loan = await p.finance.getLoan(loanId);
      expect([loan.status, loan.repaid]).to.deep.equal([LoanStatus.Repaid, owed.total]);

      const second = await disbursedAt(p);
      const at2 = second.start + 5n * DAY;
      const owed2 = await p.finance.owedAt(second.loanId, at2);
      await time.setNextBlockTimestamp(at2);
      await p.finance.connect(p.bank1).repay(second.loanId, owed2.total, hash("all"));
      expect((await p.finance.getLoan(second.loanId)).status).to.equal(LoanStatus.Repaid);
    });

    it("reports what is owed at a time, never before the last accrual", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, start } = await disbursedAt(p);
      expect((await p.finance.owedAt(loanId, start)).total).to.equal(plan.amount);
      await expect(p.finance.owedAt(loanId, start - 1n))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceTimeBeforeAccrual")
        .withArgs(loanId, start - 1n, start);
      const { loanId: applied } = await applyForLoan(p);
      expect(await p.finance.owedAt(applied, 0n)).to.deep.equal([0n, 0n, 0n, 0n]);
      expect(await p.finance.defaultableAt(applied)).to.equal(0n);
    });
  });

  describe("default, compensation and disposal (SPEC 3)", () => {
    it("declares default only after maturity plus the grace period", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await loanIn(p, "Disbursed");
      const loan = await p.finance.getLoan(loanId);
      const defaultable = loan.maturityAt + 90n * DAY;
      expect(await p.finance.defaultableAt(loanId)).to.equal(defaultable);
      await time.setNextBlockTimestamp(defaultable - 1n);
      await expect(p.finance.connect(p.bank1).declareDefault(loanId))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotYetDefaultable")
        .withArgs(loanId, defaultable);
      const owed = await p.finance.owedAt(loanId, defaultable);
      await time.setNextBlockTimestamp(defaultable);
      await expect(p.finance.connect(p.bank1).declareDefault(loanId))
        .to.emit(p.finance, "LoanDefaulted")
        .withArgs(
          loanId,
          p.bank1.address,
          owed.principal,
          owed.interest,
          owed.penalty,
          owed.total,
          defaultable + 30n * DAY,
        );
      expect((await p.finance.getLoan(loanId)).outstandingAtDefault).to.equal(owed.total);
      expect(await p.finance.owedAt(loanId, defaultable + YEAR)).to.deep.equal(owed);
    });

    it("keeps the grace period and fund share in force at disbursement", async () => {
      const p = await loadFixture(deployPlatform);
      await p.finance.setParams({ ...DEFAULT_PARAMS, graceDays: 10n, fundShareBps: 3_000n });
      const { loanId } = await loanIn(p, "Pledged");
      const at = BigInt(await time.latest()) + 1n;
      await time.setNextBlockTimestamp(at);
      await expect(p.finance.connect(p.bank1).disburse(loanId, hash("w")))
        .to.emit(p.finance, "LoanDisbursed")
        .withArgs(loanId, p.bank1.address, STANDARD_LOAN.amount, at, at + 365n * DAY, 10n, 3_000n, hash("w"));
      await p.finance.setParams({ ...DEFAULT_PARAMS, graceDays: 200n, fundShareBps: 9_000n });
      const maturity = (await p.finance.getLoan(loanId)).maturityAt;
      expect(await p.finance.defaultableAt(loanId)).to.equal(maturity + 10n * DAY);
      await time.setNextBlockTimestamp(maturity + 10n * DAY);
      await expect(p.finance.connect(p.bank1).declareDefault(loanId)).to.emit(p.finance, "LoanDefaulted");
      const outstanding = (await p.finance.getLoan(loanId)).outstandingAtDefault;
      await expect(p.finance.connect(p.fund).compensate(loanId))
        .to.emit(p.finance, "LossCompensated")
        .withArgs(
          loanId,
          p.fund.address,
          (outstanding * 3_000n) / 10_000n,
          outstanding,
          (outstanding * 3_000n) / 10_000n,
        );
    });

    it("has the fund pay its share of the outstanding amount, once", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await loanIn(p, "Defaulted");
      const outstanding = (await p.finance.getLoan(loanId)).outstandingAtDefault;
      const share = (outstanding * 5_000n) / 10_000n;
      await expect(p.finance.connect(p.fund).compensate(loanId))
        .to.emit(p.finance, "LossCompensated")
        .withArgs(loanId, p.fund.address, share, outstanding, share);
      expect(await p.finance.fundPaid()).to.equal(share);
      await expect(p.finance.connect(p.fund).compensate(loanId))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAlreadyCompensated")
        .withArgs(loanId);
    });

    it("pays no more than the fund's remaining capacity", async () => {
      const p = await loadFixture(deployPlatform);
      await p.finance.setParams({ ...DEFAULT_PARAMS, fundCapacity: 3_000_000_00n });
      const first = await loanIn(p, "Defaulted");
      const second = await loanIn(p, "Defaulted");
      await expect(p.finance.connect(p.fund).compensate(first.loanId))
        .to.emit(p.finance, "LossCompensated")
        .withArgs(first.loanId, p.fund.address, 3_000_000_00n, (v: bigint) => v > 6_000_000_00n, 3_000_000_00n);
      await expect(p.finance.connect(p.fund).compensate(second.loanId))
        .to.emit(p.finance, "LossCompensated")
        .withArgs(second.loanId, p.fund.address, 0n, (v: bigint) => v > 0n, 3_000_000_00n);
      await p.finance.setParams({ ...DEFAULT_PARAMS, fundCapacity: 1_000_000_00n });
      const third = await loanIn(p, "Defaulted");
      await expect(p.finance.connect(p.fund).compensate(third.loanId))
        .to.emit(p.finance, "LossCompensated")
        .withArgs(third.loanId, p.fund.address, 0n, (v: bigint) => v > 0n, 3_000_000_00n);
    });

    it("disposes only after compensation, to an enterprise other than the borrower", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId } = await loanIn(p, "Defaulted");
      const { fundDecisionBy } = await p.finance.getLoan(loanId);
      await expect(p.finance.connect(p.bank1).dispose(loanId, p.ent2.address, 1n, hash("a")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotCompensated")
        .withArgs(loanId, fundDecisionBy);
      await p.finance.connect(p.fund).compensate(loanId);
      for (const buyer of [p.ent1.address, p.bank2.address, p.outsider.address]) {
        await expect(p.finance.connect(p.bank1).dispose(loanId, buyer, 1n, hash("a")))
          .to.be.revertedWithCustomError(p.finance, "PledgeFinanceInvalidBuyer")
          .withArgs(buyer);
      }
    });

    it("lets the bank dispose without compensation once the fund's window (30 days) has passed", async () => {
      const p = await loadFixture(deployPlatform);
      await p.finance.setParams({ ...DEFAULT_PARAMS, fundDecisionDays: 30n });
      const { loanId, patentIds } = await loanIn(p, "Defaulted");
      const loan = await p.finance.getLoan(loanId);
      expect(loan.fundDecisionBy).to.equal(loan.defaultedAt + 30n * DAY);
      // A later change of the window does not move a defaulted loan's deadline.
      await p.finance.setParams({ ...DEFAULT_PARAMS, fundDecisionDays: 365n });
      await time.setNextBlockTimestamp(loan.fundDecisionBy - 1n);
      await expect(p.finance.connect(p.bank1).dispose(loanId, p.ent2.address, 1_000n, hash("early")))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotCompensated")
        .withArgs(loanId, loan.fundDecisionBy);
      await time.setNextBlockTimestamp(loan.fundDecisionBy);
      await expect(p.finance.connect(p.bank1).dispose(loanId, p.ent2.address, 1_000n, hash("auction")))
        .to.emit(p.finance, "CollateralDisposed")
        .withArgs(loanId, p.bank1.address, p.ent2.address, patentIds, 1_000n, 1_000n, 0n, 0n, hash("auction"));
      await expect(p.finance.connect(p.fund).compensate(loanId)).to.be.revertedWithCustomError(
        p.finance,
        "PledgeFinanceUnexpectedLoanState",
      );
    });

    it("splits recoveries by the loss each bore and gives any surplus to the borrower", async () => {
      const p = await loadFixture(deployPlatform);
      for (const recoveredShare of [3n, 20n]) {
        const { loanId, patentIds } = await loanIn(p, "DefaultedCompensated");
        const loan = await p.finance.getLoan(loanId);
        const outstanding = loan.outstandingAtDefault;
        const recovered = (outstanding * recoveredShare) / 10n;
        const toCreditors = recovered < outstanding ? recovered : outstanding;
        const fundRecovery = (toCreditors * loan.compensation) / outstanding;
        await expect(p.finance.connect(p.bank1).dispose(loanId, p.ent3.address, recovered, hash("auction")))
          .to.emit(p.finance, "CollateralDisposed")
          .withArgs(
            loanId,
            p.bank1.address,
            p.ent3.address,
            patentIds,
            recovered,
            toCreditors - fundRecovery,
            fundRecovery,
            recovered - toCreditors,
            hash("auction"),
          );
        expect((await p.finance.getLoan(loanId)).recovered).to.equal(recovered);
        for (const id of patentIds) expect(await p.registry.ownerOf(id)).to.equal(p.ent3.address);
      }
    });
  });

  describe("release (SPEC 3)", () => {
    it("cancels the pledge of a repaid loan: patents verified and free again", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await loanIn(p, "Repaid");
      await expect(p.finance.connect(p.ipoffice).releasePledge(loanId))
        .to.emit(p.finance, "PledgeReleased")
        .withArgs(loanId, p.ipoffice.address, patentIds, LoanStatus.Repaid);
      for (const id of patentIds) {
        const patent = await p.registry.getPatent(id);
        expect([patent.status, patent.loanId]).to.deep.equal([PatentStatus.Verified, 0n]);
      }
      await expect(apply(p, patentIds)).to.emit(p.finance, "LoanApplied");
    });

    it("closes a disposed loan: the buyer's patents leave the loan", async () => {
      const p = await loadFixture(deployPlatform);
      const { loanId, patentIds } = await loanIn(p, "Disposed");
      await expect(p.finance.connect(p.ipoffice).releasePledge(loanId))
        .to.emit(p.finance, "PledgeReleased")
        .withArgs(loanId, p.ipoffice.address, patentIds, LoanStatus.Disposed);
      for (const id of patentIds) expect((await p.registry.getPatent(id)).loanId).to.equal(0n);
      await expect(apply(p, patentIds, 1n, 30n, p.ent2)).to.emit(p.finance, "LoanApplied");
    });
  });

  describe("the regulator's pause (SPEC 3)", () => {
    for (const guarded of [...GUARDED_FINANCE, ...GUARDED_REGISTRY].filter(pausable)) {
      it(`stops ${guarded.label ?? guarded.fn} while paused`, async () => {
        const p = await loadFixture(deployPlatform);
        await expect(p.finance.connect(p.regulator).pause()).to.emit(p.finance, "Paused").withArgs(p.regulator.address);
        const entitled = SIGNERS.find((s) => s.holds.includes(guarded.role))!.signer(p);
        await expect(guarded.call(p, entitled)).to.be.revertedWithCustomError(guarded.on(p), "EnforcedPause");
      });
    }

    it("stops the IP office's recorded transfers while paused, and everything resumes on unpause", async () => {
      const p = await loadFixture(deployPlatform);
      const disbursed = await loanIn(p, "Disbursed");
      const patent = await registerPatent(p);
      const recordTransfer = () =>
        p.registry.connect(p.ipoffice).recordTransfer(patent, p.ent2.address, hash("notice"));
      await p.finance.connect(p.regulator).pause();
      expect(await p.finance.paused()).to.equal(true);
      await expect(recordTransfer()).to.be.revertedWithCustomError(p.registry, "EnforcedPause");
      await expect(p.finance.connect(p.bank1).repay(disbursed.loanId, 1n, hash("r"))).to.be.revertedWithCustomError(
        p.finance,
        "EnforcedPause",
      );
      await expect(p.finance.connect(p.regulator).unpause())
        .to.emit(p.finance, "Unpaused")
        .withArgs(p.regulator.address);
      await expect(p.finance.connect(p.bank1).repay(disbursed.loanId, 1n, hash("r"))).to.emit(
        p.finance,
        "RepaymentRecorded",
      );
      await expect(recordTransfer()).to.emit(p.registry, "PatentTransferRecorded");
    });
  });
});
