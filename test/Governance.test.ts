import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture, time } from "@nomicfoundation/hardhat-network-helpers";
import { ADMIN_TRANSFER_DELAY, DEFAULT_PARAMS, deployPlatform, type Platform } from "./helpers/fixtures";

/**
 * SPEC section 8, "nobody sits above the regulator": the operator's key, however hostile, cannot
 * grant or revoke the regulator role, unpause, seat a puppet authority or hold a business role;
 * handing the operator role over takes two steps and a delay; one account holds one role.
 */
describe("Governance: nobody above the regulator", () => {
  const fresh = () => ethers.Wallet.createRandom().address;

  it("a hostile operator cannot undo the regulator's pause by replacing the regulator", async () => {
    const p = await loadFixture(deployPlatform);
    const puppet = p.outsider;
    await p.finance.connect(p.regulator).pause();

    await expect(p.finance.connect(p.admin).revokeRole(p.roles.regulator, p.regulator.address))
      .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
      .withArgs(p.admin.address, p.roles.regulator);
    await expect(p.finance.connect(p.admin).grantRole(p.roles.regulator, puppet.address))
      .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
      .withArgs(p.admin.address, p.roles.regulator);
    await expect(p.finance.connect(p.admin).unpause())
      .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
      .withArgs(p.admin.address, p.roles.regulator);
    await expect(p.finance.connect(puppet).unpause()).to.be.revertedWithCustomError(
      p.finance,
      "AccessControlUnauthorizedAccount",
    );
    expect(await p.finance.paused()).to.equal(true);
    expect(await p.finance.hasRole(p.roles.regulator, p.regulator.address)).to.equal(true);
  });

  it("the regulator role is administered by regulators", async () => {
    const p = await loadFixture(deployPlatform);
    const second = p.outsider;
    expect(await p.finance.getRoleAdmin(p.roles.regulator)).to.equal(p.roles.regulator);
    await expect(p.finance.connect(p.regulator).grantRole(p.roles.regulator, second.address))
      .to.emit(p.finance, "RoleGranted")
      .withArgs(p.roles.regulator, second.address, p.regulator.address);
    expect(await p.finance.regulatorCount()).to.equal(2n);
    await expect(p.finance.connect(second).revokeRole(p.roles.regulator, p.regulator.address))
      .to.emit(p.finance, "RoleRevoked")
      .withArgs(p.roles.regulator, p.regulator.address, second.address);
    expect(await p.finance.regulatorCount()).to.equal(1n);
  });

  it("knows only the organisations' kinds as roles", async () => {
    const p = await loadFixture(deployPlatform);
    const invented = ethers.id("SUPER_BANK_ROLE");
    await expect(p.finance.connect(p.admin).grantRole(invented, p.outsider.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceUnknownRole")
      .withArgs(invented);
    expect(await p.finance.hasRole(invented, p.bank1.address)).to.equal(false);
  });

  it("keeps the last regulator: neither revoked nor renounced", async () => {
    const p = await loadFixture(deployPlatform);
    const { regulator } = p;
    await expect(p.finance.connect(regulator).revokeRole(p.roles.regulator, regulator.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLastRegulator")
      .withArgs(regulator.address);
    await expect(p.finance.connect(regulator).renounceRole(p.roles.regulator, regulator.address))
      .to.be.revertedWithCustomError(p.finance, "PledgeFinanceLastRegulator")
      .withArgs(regulator.address);
    expect(await p.finance.regulatorCount()).to.equal(1n);
  });

  it("the operator seats only the first regulator", async () => {
    const [admin, first, second] = await ethers.getSigners();
    const finance = await ethers.deployContract("PledgeFinance", [admin.address, ADMIN_TRANSFER_DELAY, DEFAULT_PARAMS]);
    const regulatorRole = await finance.REGULATOR_ROLE();
    expect(await finance.regulatorCount()).to.equal(0n);
    await expect(finance.connect(first).grantRole(regulatorRole, first.address))
      .to.be.revertedWithCustomError(finance, "AccessControlUnauthorizedAccount")
      .withArgs(first.address, ethers.ZeroHash);
    await expect(finance.grantRole(regulatorRole, admin.address))
      .to.be.revertedWithCustomError(finance, "PledgeFinanceAccountHoldsRole")
      .withArgs(admin.address, ethers.ZeroHash);
    await expect(finance.grantRole(regulatorRole, first.address)).to.emit(finance, "RoleGranted");
    await expect(finance.grantRole(regulatorRole, second.address))
      .to.be.revertedWithCustomError(finance, "AccessControlUnauthorizedAccount")
      .withArgs(admin.address, regulatorRole);
  });

  for (const authority of ["ipoffice", "appraiser", "fund"] as const) {
    it(`the operator cannot seat a puppet ${authority}; a regulator can seat and remove one`, async () => {
      const p = await loadFixture(deployPlatform);
      const role = p.roles[authority];
      const puppet = fresh();
      expect(await p.finance.getRoleAdmin(role)).to.equal(p.roles.regulator);
      await expect(p.finance.connect(p.admin).grantRole(role, puppet))
        .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
        .withArgs(p.admin.address, p.roles.regulator);
      const holder = p[authority];
      await expect(p.finance.connect(p.admin).revokeRole(role, holder.address))
        .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
        .withArgs(p.admin.address, p.roles.regulator);
      await expect(p.finance.connect(p.regulator).grantRole(role, puppet)).to.emit(p.finance, "RoleGranted");
      await expect(p.finance.connect(p.regulator).revokeRole(role, puppet)).to.emit(p.finance, "RoleRevoked");
    });
  }

  it("the operator still administers the market's roles, and not while paused", async () => {
    const p = await loadFixture(deployPlatform);
    const newcomer = fresh();
    await expect(p.finance.connect(p.regulator).grantRole(p.roles.bank, newcomer))
      .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
      .withArgs(p.regulator.address, ethers.ZeroHash);
    await p.finance.connect(p.regulator).pause();
    await expect(p.finance.connect(p.admin).grantRole(p.roles.bank, newcomer)).to.be.revertedWithCustomError(
      p.finance,
      "EnforcedPause",
    );
    await expect(p.finance.connect(p.admin).revokeRole(p.roles.bank, p.bank1.address)).to.be.revertedWithCustomError(
      p.finance,
      "EnforcedPause",
    );
    await expect(p.finance.connect(p.bank1).renounceRole(p.roles.bank, p.bank1.address)).to.be.revertedWithCustomError(
      p.finance,
      "EnforcedPause",
    );
    // The regulators remove a compromised authority's key during the pause.
    await expect(p.finance.connect(p.regulator).revokeRole(p.roles.ipoffice, p.ipoffice.address)).to.emit(
      p.finance,
      "RoleRevoked",
    );
    await p.finance.connect(p.regulator).unpause();
    await expect(p.finance.connect(p.admin).grantRole(p.roles.bank, newcomer)).to.emit(p.finance, "RoleGranted");
  });

  describe("one account, one role, the operator's included", () => {
    for (const kind of ["enterprise", "bank"] as const) {
      it(`the operator cannot also be ${kind === "enterprise" ? "an" : "a"} ${kind}`, async () => {
        const p = await loadFixture(deployPlatform);
        await expect(p.finance.connect(p.admin).grantRole(p.roles[kind], p.admin.address))
          .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
          .withArgs(p.admin.address, ethers.ZeroHash);
      });
    }

    it("a regulator cannot make the operator an authority", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.finance.connect(p.regulator).grantRole(p.roles.ipoffice, p.admin.address))
        .to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole")
        .withArgs(p.admin.address, ethers.ZeroHash);
    });

    it("no account holding a role can be made the operator", async () => {
      const p = await loadFixture(deployPlatform);
      for (const holder of [p.bank1, p.regulator, p.ipoffice, p.ent1]) {
        await expect(
          p.finance.connect(p.admin).beginDefaultAdminTransfer(holder.address),
        ).to.be.revertedWithCustomError(p.finance, "PledgeFinanceAccountHoldsRole");
      }
    });
  });

  describe("handing over the operator role", () => {
    async function handover(p: Platform) {
      const successor = p.outsider;
      await expect(p.finance.connect(p.admin).beginDefaultAdminTransfer(successor.address)).to.emit(
        p.finance,
        "DefaultAdminTransferScheduled",
      );
      return successor;
    }

    it("takes two steps and the delay; afterwards the old key can do nothing", async () => {
      const p = await loadFixture(deployPlatform);
      expect(await p.finance.defaultAdminDelay()).to.equal(ADMIN_TRANSFER_DELAY);
      const successor = await handover(p);
      await expect(p.finance.connect(successor).acceptDefaultAdminTransfer()).to.be.revertedWithCustomError(
        p.finance,
        "AccessControlEnforcedDefaultAdminDelay",
      );
      expect(await p.finance.defaultAdmin()).to.equal(p.admin.address);

      await time.increase(ADMIN_TRANSFER_DELAY);
      await expect(p.finance.connect(p.bank1).acceptDefaultAdminTransfer())
        .to.be.revertedWithCustomError(p.finance, "AccessControlInvalidDefaultAdmin")
        .withArgs(p.bank1.address);
      await expect(p.finance.connect(successor).acceptDefaultAdminTransfer())
        .to.emit(p.finance, "RoleGranted")
        .withArgs(ethers.ZeroHash, successor.address, successor.address);
      expect(await p.finance.defaultAdmin()).to.equal(successor.address);

      await expect(p.finance.connect(p.admin).setParams(DEFAULT_PARAMS))
        .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
        .withArgs(p.admin.address, ethers.ZeroHash);
      await expect(p.finance.connect(p.admin).grantRole(p.roles.bank, fresh()))
        .to.be.revertedWithCustomError(p.finance, "AccessControlUnauthorizedAccount")
        .withArgs(p.admin.address, ethers.ZeroHash);
      await expect(p.finance.connect(successor).setParams(DEFAULT_PARAMS)).to.emit(p.finance, "ParamsUpdated");
    });

    it("cannot be granted, revoked or transferred in one step", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(
        p.finance.connect(p.admin).grantRole(ethers.ZeroHash, p.outsider.address),
      ).to.be.revertedWithCustomError(p.finance, "AccessControlEnforcedDefaultAdminRules");
      await expect(
        p.finance.connect(p.admin).revokeRole(ethers.ZeroHash, p.admin.address),
      ).to.be.revertedWithCustomError(p.finance, "AccessControlEnforcedDefaultAdminRules");
    });

    it("waits for the regulator's pause: no handover begins or completes while paused", async () => {
      const p = await loadFixture(deployPlatform);
      const successor = await handover(p);
      await time.increase(ADMIN_TRANSFER_DELAY);
      await p.finance.connect(p.regulator).pause();
      await expect(p.finance.connect(successor).acceptDefaultAdminTransfer()).to.be.revertedWithCustomError(
        p.finance,
        "EnforcedPause",
      );
      await expect(p.finance.connect(p.admin).beginDefaultAdminTransfer(fresh())).to.be.revertedWithCustomError(
        p.finance,
        "EnforcedPause",
      );
      await p.finance.connect(p.regulator).unpause();
      await expect(p.finance.connect(successor).acceptDefaultAdminTransfer()).to.emit(p.finance, "RoleGranted");
    });

    it("lets the operator schedule a new delay, or roll the change back, while running", async () => {
      const p = await loadFixture(deployPlatform);
      await expect(p.finance.connect(p.admin).changeDefaultAdminDelay(ADMIN_TRANSFER_DELAY * 2n)).to.emit(
        p.finance,
        "DefaultAdminDelayChangeScheduled",
      );
      await expect(p.finance.connect(p.admin).rollbackDefaultAdminDelay()).to.emit(
        p.finance,
        "DefaultAdminDelayChangeCanceled",
      );
      expect(await p.finance.defaultAdminDelay()).to.equal(ADMIN_TRANSFER_DELAY);
      await p.finance.connect(p.regulator).pause();
      await expect(p.finance.connect(p.admin).changeDefaultAdminDelay(1n)).to.be.revertedWithCustomError(
        p.finance,
        "EnforcedPause",
      );
      await expect(p.finance.connect(p.admin).cancelDefaultAdminTransfer()).to.be.revertedWithCustomError(
        p.finance,
        "EnforcedPause",
      );
    });

    it("can be cancelled by the operator before it is accepted", async () => {
      const p = await loadFixture(deployPlatform);
      const successor = await handover(p);
      await expect(p.finance.connect(p.admin).cancelDefaultAdminTransfer()).to.emit(
        p.finance,
        "DefaultAdminTransferCanceled",
      );
      await time.increase(ADMIN_TRANSFER_DELAY);
      await expect(p.finance.connect(successor).acceptDefaultAdminTransfer()).to.be.revertedWithCustomError(
        p.finance,
        "AccessControlInvalidDefaultAdmin",
      );
    });
  });
});
