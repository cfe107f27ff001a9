import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import { anyValue } from "@nomicfoundation/hardhat-chai-matchers/withArgs";
import {
  ADMIN_TRANSFER_DELAY,
  PRODUCT_TERMS,
  STANDARD_LOAN,
  createProduct,
  deployPlatform,
  hash,
  loanIn,
  nextNumber,
  registerPatent,
  type Platform,
} from "./helpers/fixtures";
import { LoanStatus, PatentKind } from "./helpers/enums";

/**
 * SPEC section 8, "no party can freeze a loan": an organisation's key can be rotated without losing
 * its patents, products or loans, and the old key can do nothing afterwards. The organisation keeps
 * its identity (its first address); a rotation is proposed by the organisation itself or by a
 * regulator and accepted by the new key.
 */
describe("Key rotation: no party can freeze a loan", () => {
  /** Signers the fixture does not use: fresh keys. */
  async function freshKeys(): Promise<HardhatEthersSigner[]> {
    return (await ethers.getSigners()).slice(11);
  }

  async function rotate(
    p: Platform,
    identity: HardhatEthersSigner,
    proposer: HardhatEthersSigner,
    newKey: HardhatEthersSigner,
  ): Promise<void> {
    await p.finance.connect(proposer).proposeKeyRotation(identity.address, newKey.address);
    await p.finance.connect(newKey).acceptKeyRotation(identity.address);
  }

  it("a disbursed loan whose bank lost its key is repaid with the key the regulator rotated in", async () => {
    const p = await loadFixture(deployPlatform);
    const { loanId } = await loanIn(p, "Disbursed");
    const [newKey] = await freshKeys();

    await expect(p.finance.connect(p.regulator).proposeKeyRotation(p.bank1.address, newKey.address))
      .to.emit(p.finance, "KeyRotationProposed")
      .withArgs(p.bank1.address, p.regulator.address, newKey.address);
    await expect(p.finance.connect(newKey).acceptKeyRotation(p.bank1.address))
      .to.emit(p.finance, "KeyRotated")
      .withArgs(p.bank1.address, p.bank1.address, newKey.address);

    await expect(p.finance.connect(p.bank1).repay(loanId, 1000n, hash("old key")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(p.bank1.address);
    await expect(p.finance.connect(newKey).repayInFull(loanId, hash("payoff")))
      .to.emit(p.finance, "RepaymentRecorded")
      .withArgs(loanId, p.bank1.address, anyValue, anyValue, LoanStatus.Repaid, hash("payoff"));
    const loan = await p.finance.getLoan(loanId);
    expect(loan.bank).to.equal(p.bank1.address);
    expect(loan.status).to.equal(LoanStatus.Repaid);
  });

  it("an enterprise rotates its own key: its patents stay its own and the new key pledges them", async () => {
    const p = await loadFixture(deployPlatform);
    const patentId = await registerPatent(p, { owner: p.ent1 });
    const [newKey] = await freshKeys();
    await rotate(p, p.ent1, p.ent1, newKey);

    expect(await p.registry.ownerOf(patentId)).to.equal(p.ent1.address);
    expect(await p.finance.keyOf(p.ent1.address)).to.equal(newKey.address);
    expect(await p.finance.identityOf(newKey.address)).to.equal(p.ent1.address);
    expect(await p.finance.isRetiredKey(p.ent1.address)).to.equal(true);
    expect(await p.finance.hasRole(p.roles.enterprise, p.ent1.address)).to.equal(true);
    expect(await p.finance.hasRole(p.roles.enterprise, newKey.address)).to.equal(false);

    const productId = await createProduct(p);
    await expect(
      p.finance
        .connect(newKey)
        .applyForLoan(productId, [patentId], STANDARD_LOAN.amount, STANDARD_LOAN.termDays, hash("purpose")),
    )
      .to.emit(p.finance, "LoanApplied")
      .withArgs(anyValue, p.ent1.address, p.bank1.address, productId, [patentId], anyValue, anyValue, anyValue);
    const now = BigInt(await time.latest());
    const register = (key: HardhatEthersSigner) =>
      p.registry
        .connect(key)
        .registerPatent(nextNumber(), PatentKind.Invention, now - 1n, now + 10n ** 8n, hash("m"), hash("c"));
    await expect(register(p.ent1))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(p.ent1.address);
    await expect(register(newKey))
      .to.emit(p.registry, "PatentRegistered")
      .withArgs(anyValue, p.ent1.address, ...Array(6).fill(anyValue));
  });

  it("an IP office, an appraiser and a regulator act through their new keys under their own names", async () => {
    const p = await loadFixture(deployPlatform);
    const [ipKey, appraiserKey, regulatorKey] = await freshKeys();
    await rotate(p, p.ipoffice, p.regulator, ipKey);
    await rotate(p, p.appraiser, p.appraiser, appraiserKey);
    await rotate(p, p.regulator, p.regulator, regulatorKey);

    const patentId = await registerPatent(p, { verify: false });
    await expect(p.registry.connect(ipKey).verifyPatent(patentId, 4_000_000_000n))
      .to.emit(p.registry, "PatentVerified")
      .withArgs(patentId, p.ipoffice.address, 4_000_000_000n);
    const validUntil = BigInt(await time.latest()) + 86_400n * 365n;
    await p.registry.connect(appraiserKey).recordAppraisal(patentId, 10n ** 9n, validUntil, hash("report"));
    expect((await p.registry.getAppraisal(patentId, 0)).appraiser).to.equal(p.appraiser.address);
    await expect(p.registry.connect(p.ipoffice).revokePatent(patentId, hash("x")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(p.ipoffice.address);

    await expect(p.finance.connect(regulatorKey).pause()).to.emit(p.finance, "Paused").withArgs(p.regulator.address);
    await expect(p.finance.connect(p.regulator).unpause())
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(p.regulator.address);
    await expect(p.finance.connect(regulatorKey).unpause()).to.emit(p.finance, "Unpaused");
    await expect(p.finance.connect(regulatorKey).grantRole(p.roles.fund, p.outsider.address))
      .to.emit(p.finance, "RoleGranted")
      .withArgs(p.roles.fund, p.outsider.address, p.regulator.address);
  });

  it("only the organisation itself or a regulator proposes; the operator cannot take a bank over", async () => {
    const p = await loadFixture(deployPlatform);
    const [newKey] = await freshKeys();
    for (const stranger of [p.admin, p.bank2, p.ent1, p.fund, p.outsider]) {
      await expect(p.finance.connect(stranger).proposeKeyRotation(p.bank1.address, newKey.address))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotKeyProposer")
        .withArgs(p.bank1.address, stranger.address);
    }
    await expect(p.finance.connect(p.regulator).proposeKeyRotation(p.outsider.address, newKey.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotMember")
      .withArgs(p.outsider.address);
    // The operator is no organisation: its role is handed over in two steps with a delay, not rotated.
    await expect(p.finance.connect(p.regulator).proposeKeyRotation(p.admin.address, newKey.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotMember")
      .withArgs(p.admin.address);
  });

  it("only the proposed key accepts, and a later proposal replaces an earlier one", async () => {
    const p = await loadFixture(deployPlatform);
    const [first, second] = await freshKeys();
    await p.finance.connect(p.bank1).proposeKeyRotation(p.bank1.address, first.address);
    await p.finance.connect(p.regulator).proposeKeyRotation(p.bank1.address, second.address);
    expect(await p.finance.proposedKeyOf(p.bank1.address)).to.equal(second.address);
    for (const other of [first, p.bank1, p.regulator]) {
      await expect(p.finance.connect(other).acceptKeyRotation(p.bank1.address))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceNotProposedKey")
        .withArgs(p.bank1.address, other.address);
    }
    await p.finance.connect(second).acceptKeyRotation(p.bank1.address);
    expect(await p.finance.proposedKeyOf(p.bank1.address)).to.equal(ethers.ZeroAddress);
    await expect(p.finance.connect(second).acceptKeyRotation(p.bank1.address)).to.be.revertedWithCustomError(
      p.finance,
      "PledgeFinanceNotProposedKey",
    );
  });

  it("a new key is fresh: no organisation, not the operator, never a retired key", async () => {
    const p = await loadFixture(deployPlatform);
    const [retiredKey, newKey, later] = await freshKeys();
    await rotate(p, p.bank1, p.bank1, retiredKey);
    await rotate(p, p.bank1, retiredKey, newKey);
    const cases: [string, string, string, string?][] = [
      [p.ent1.address, "PledgeFinanceAccountHoldsRole", p.ent1.address, p.roles.enterprise],
      [p.admin.address, "PledgeFinanceAccountHoldsRole", p.admin.address, p.roles.admin],
      [p.bank1.address, "PledgeFinanceAccountHoldsRole", p.bank1.address, p.roles.bank],
      [retiredKey.address, "PledgeFinanceKeyNotFresh", retiredKey.address],
      [newKey.address, "PledgeFinanceKeyNotFresh", newKey.address],
      [ethers.ZeroAddress, "PledgeFinanceKeyNotFresh", ethers.ZeroAddress],
    ];
    for (const [key, error, ...args] of cases) {
      await expect(p.finance.connect(p.regulator).proposeKeyRotation(p.bank2.address, key))
        .to.be.revertedWithCustomError(p.finance, error)
        .withArgs(...args);
    }
    // A key proposed while fresh but seated before it accepts is refused at acceptance.
    await p.finance.connect(p.bank2).proposeKeyRotation(p.bank2.address, later.address);
    await p.finance.connect(p.admin).grantRole(p.roles.enterprise, later.address);
    await expect(p.finance.connect(later).acceptKeyRotation(p.bank2.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
      .withArgs(later.address, p.roles.enterprise);
  });

  it("a rotated or retired key is never seated; a re-seated organisation keeps its current key", async () => {
    const p = await loadFixture(deployPlatform);
    const [newKey] = await freshKeys();
    await rotate(p, p.bank1, p.bank1, newKey);
    await expect(p.finance.connect(p.admin).grantRole(p.roles.enterprise, newKey.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyNotFresh")
      .withArgs(newKey.address);
    await expect(p.finance.connect(p.admin).grantRole(p.roles.enterprise, p.bank1.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
      .withArgs(p.bank1.address, p.roles.bank);
    await expect(p.finance.connect(p.admin).beginDefaultAdminTransfer(newKey.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyNotFresh")
      .withArgs(newKey.address);

    await p.finance.connect(p.admin).revokeRole(p.roles.bank, p.bank1.address);
    await expect(p.finance.connect(newKey).createProduct(PRODUCT_TERMS, hash("p")))
      .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
      .withArgs(newKey.address, p.roles.bank);
    await p.finance.connect(p.admin).grantRole(p.roles.bank, p.bank1.address);
    await expect(p.finance.connect(newKey).createProduct(PRODUCT_TERMS, hash("p")))
      .to.emit(p.finance, "ProductCreated")
      .withArgs(anyValue, p.bank1.address, anyValue, hash("p"));
    await expect(p.finance.connect(p.bank1).createProduct(PRODUCT_TERMS, hash("p"))).to.be.revertedWithCustomError(
      p.finance,
      "PledgeFinanceKeyRetired",
    );
  });

  it("a thief who rotates a stolen key to its own is undone by the regulator, and cannot outrun it", async () => {
    const p = await loadFixture(deployPlatform);
    const { loanId } = await loanIn(p, "Disbursed");
    const [thief, rightful, thief2] = await freshKeys();
    // The thief holds bank1's key and rotates it to a key of its own, retiring the bank's.
    await rotate(p, p.bank1, p.bank1, thief);

    await p.finance.connect(p.regulator).pause();
    await expect(
      p.finance.connect(thief).proposeKeyRotation(p.bank1.address, thief2.address),
    ).to.be.revertedWithCustomError(p.finance, "EnforcedPause");
    await rotate(p, p.bank1, p.regulator, rightful);
    await p.finance.connect(p.regulator).unpause();

    await expect(p.finance.connect(thief).repay(loanId, 1000n, hash("theft")))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(thief.address);
    await expect(p.finance.connect(thief).proposeKeyRotation(p.bank1.address, thief2.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceKeyRetired")
      .withArgs(thief.address);
    await expect(p.finance.connect(rightful).repayInFull(loanId, hash("payoff"))).to.emit(
      p.finance,
      "RepaymentRecorded",
    );
  });

  it("a retired key can do nothing: every state-changing function refuses it", async () => {
    const p = await loadFixture(deployPlatform);
    const [newKey] = await freshKeys();
    await rotate(p, p.regulator, p.regulator, newKey);
    const { finance } = p;
    const old = finance.connect(p.regulator);
    // Thunks, sent one at a time: a rejected transaction nobody awaits yet would surface on its own.
    const refusals = [
      () => old.pause(),
      () => old.grantRole(p.roles.fund, p.outsider.address),
      () => old.revokeRole(p.roles.fund, p.fund.address),
      () => old.renounceRole(p.roles.regulator, p.regulator.address),
      () => old.proposeKeyRotation(p.regulator.address, p.outsider.address),
    ];
    for (const refused of refusals) {
      await expect(refused())
        .to.be.revertedWithCustomError(finance, "PledgeFinanceKeyRetired")
        .withArgs(p.regulator.address);
    }
    expect(await finance.hasRole(p.roles.regulator, p.regulator.address)).to.equal(true);
    expect(await finance.regulatorCount()).to.equal(1n);
  });

  it("the operator role is not rotated but handed over, and never to an organisation's key", async () => {
    const p = await loadFixture(deployPlatform);
    const [newKey, successor] = await freshKeys();
    await rotate(p, p.ent2, p.ent2, newKey);
    await expect(p.finance.connect(p.admin).beginDefaultAdminTransfer(p.ent2.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
      .withArgs(p.ent2.address, p.roles.enterprise);
    await p.finance.connect(p.admin).beginDefaultAdminTransfer(successor.address);
    await time.increase(ADMIN_TRANSFER_DELAY + 1n);
    await p.finance.connect(successor).acceptDefaultAdminTransfer();
    expect(await p.finance.defaultAdmin()).to.equal(successor.address);
  });
});
