import { expect } from "chai";
import { ethers } from "hardhat";
import { loadFixture } from "@nomicfoundation/hardhat-network-helpers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { BaseContract } from "ethers";
import { DEFAULT_PARAMS, PRODUCT_TERMS, deployPlatform, hash, type Platform } from "./helpers/fixtures";

/**
 * Every state-changing function that a role guards, called by every signer that lacks the role:
 * each must revert with AccessControlUnauthorizedAccount(signer, role). Arguments are harmless
 * placeholders, since the role check comes first.
 */
type Guarded = {
  fn: string;
  role: string;
  on: (p: Platform) => BaseContract;
  call: (p: Platform, as: HardhatEthersSigner) => Promise<unknown>;
};

const FINANCE_CORE = ethers.id("FINANCE_CORE_ROLE");
const DEFAULT_ADMIN = ethers.ZeroHash;
const H = hash("x");
const ROLES = {
  enterprise: ethers.id("ENTERPRISE_ROLE"),
  appraiser: ethers.id("APPRAISER_ROLE"),
  ipoffice: ethers.id("IPOFFICE_ROLE"),
  bank: ethers.id("BANK_ROLE"),
  fund: ethers.id("FUND_ROLE"),
  regulator: ethers.id("REGULATOR_ROLE"),
  admin: ethers.id("ADMIN_ROLE"),
};

const finance: Guarded[] = [
  { fn: "setRegistry", role: DEFAULT_ADMIN, call: (p, s) => p.finance.connect(s).setRegistry(s.address) },
  { fn: "setParams", role: ROLES.admin, call: (p, s) => p.finance.connect(s).setParams(DEFAULT_PARAMS) },
  { fn: "grantRole", role: ROLES.admin, call: (p, s) => p.finance.connect(s).grantRole(p.roles.bank, s.address) },
  { fn: "revokeRole", role: ROLES.admin, call: (p, s) => p.finance.connect(s).revokeRole(p.roles.bank, p.bank1.address) },
  { fn: "pause", role: ROLES.regulator, call: (p, s) => p.finance.connect(s).pause() },
  { fn: "unpause", role: ROLES.regulator, call: (p, s) => p.finance.connect(s).unpause() },
  { fn: "createProduct", role: ROLES.bank, call: (p, s) => p.finance.connect(s).createProduct(PRODUCT_TERMS, H) },
  { fn: "setProductActive", role: ROLES.bank, call: (p, s) => p.finance.connect(s).setProductActive(1n, false) },
  { fn: "applyForLoan", role: ROLES.enterprise, call: (p, s) => p.finance.connect(s).applyForLoan(1n, [1n], 1n, 1n, H) },
  { fn: "withdrawApplication", role: ROLES.enterprise, call: (p, s) => p.finance.connect(s).withdrawApplication(1n) },
  { fn: "approveLoan", role: ROLES.bank, call: (p, s) => p.finance.connect(s).approveLoan(1n, 1n, 1n, 1n) },
  { fn: "rejectApplication", role: ROLES.bank, call: (p, s) => p.finance.connect(s).rejectApplication(1n, H) },
  { fn: "cancelLoan", role: ROLES.bank, call: (p, s) => p.finance.connect(s).cancelLoan(1n, H) },
  { fn: "registerPledge", role: ROLES.ipoffice, call: (p, s) => p.finance.connect(s).registerPledge(1n, "ZY1") },
  { fn: "disburse", role: ROLES.bank, call: (p, s) => p.finance.connect(s).disburse(1n, H) },
  { fn: "repay", role: ROLES.bank, call: (p, s) => p.finance.connect(s).repay(1n, 1n, H) },
  { fn: "repayInFull", role: ROLES.bank, call: (p, s) => p.finance.connect(s).repayInFull(1n, H) },
  { fn: "declareDefault", role: ROLES.bank, call: (p, s) => p.finance.connect(s).declareDefault(1n) },
  { fn: "compensate", role: ROLES.fund, call: (p, s) => p.finance.connect(s).compensate(1n) },
  { fn: "dispose", role: ROLES.bank, call: (p, s) => p.finance.connect(s).dispose(1n, s.address, 1n, H) },
  { fn: "releasePledge", role: ROLES.ipoffice, call: (p, s) => p.finance.connect(s).releasePledge(1n) },
].map((g) => ({ ...g, on: (p: Platform) => p.finance }));

const registry: Guarded[] = [
  {
    fn: "registerPatent",
    role: ROLES.enterprise,
    call: (p, s) => p.registry.connect(s).registerPatent("CN201710601862.3", 0n, 0n, 2n ** 32n - 1n, H, H),
  },
  { fn: "verifyPatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).verifyPatent(1n, 1n) },
  { fn: "rejectPatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).rejectPatent(1n, H) },
  { fn: "revokePatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).revokePatent(1n, H) },
  {
    fn: "updateLegalStatus",
    role: ROLES.ipoffice,
    call: (p, s) => p.registry.connect(s).updateLegalStatus(1n, 1n, true, true),
  },
  {
    fn: "recordAppraisal",
    role: ROLES.appraiser,
    call: (p, s) => p.registry.connect(s).recordAppraisal(1n, 1n, 1n, H),
  },
  { fn: "reserve", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).reserve(1n, s.address, [1n]) },
  { fn: "unreserve", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).unreserve(1n, [1n]) },
  { fn: "pledge", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).pledge(1n, s.address, [1n], 1n) },
  { fn: "releasePledge", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).releasePledge(1n, [1n]) },
  {
    fn: "transferCollateral",
    role: FINANCE_CORE,
    call: (p, s) => p.registry.connect(s).transferCollateral(1n, [1n], s.address),
  },
].map((g) => ({ ...g, on: (p: Platform) => p.registry }));

/** Each signer of the fixture by organisation kind, and the roles it holds. */
const SIGNERS: { kind: string; signer: (p: Platform) => HardhatEthersSigner; holds: string[] }[] = [
  { kind: "enterprise", signer: (p) => p.ent1, holds: [ROLES.enterprise] },
  { kind: "appraiser", signer: (p) => p.appraiser, holds: [ROLES.appraiser] },
  { kind: "ipoffice", signer: (p) => p.ipoffice, holds: [ROLES.ipoffice] },
  { kind: "bank", signer: (p) => p.bank1, holds: [ROLES.bank] },
  { kind: "fund", signer: (p) => p.fund, holds: [ROLES.fund] },
  { kind: "regulator", signer: (p) => p.regulator, holds: [ROLES.regulator] },
  { kind: "admin", signer: (p) => p.admin, holds: [ROLES.admin, DEFAULT_ADMIN] },
  { kind: "no role", signer: (p) => p.outsider, holds: [] },
];

describe("Access matrix: every guarded function x every wrong role", () => {
  for (const [contractName, table] of [
    ["PledgeFinance", finance],
    ["PatentRegistry", registry],
  ] as const) {
    for (const guarded of table) {
      for (const wrong of SIGNERS.filter((s) => !s.holds.includes(guarded.role))) {
        it(`${contractName}.${guarded.fn} refuses ${wrong.kind}`, async () => {
          const p = await loadFixture(deployPlatform);
          const signer = wrong.signer(p);
          await expect(guarded.call(p, signer))
            .to.be.revertedWithCustomError(guarded.on(p), "AccessControlUnauthorizedAccount")
            .withArgs(signer.address, guarded.role);
        });
      }
    }
  }

  it("covers every state-changing function of both ABIs", async () => {
    const p = await loadFixture(deployPlatform);
    const unguarded = new Set([
      // ERC-721: guarded by ownership and approval, not by role; tested in PatentRegistry.test.ts
      "approve",
      "setApprovalForAll",
      "transferFrom",
      "safeTransferFrom",
      // AccessControl: anyone may give up their own role
      "renounceRole",
    ]);
    for (const [contract, table] of [
      [p.finance, finance],
      [p.registry, registry],
    ] as const) {
      const writes = contract.interface.fragments
        .filter((f) => f.type === "function")
        .map((f) => f as unknown as { name: string; stateMutability: string })
        .filter((f) => f.stateMutability !== "view" && f.stateMutability !== "pure")
        .map((f) => f.name)
        .filter((name) => !unguarded.has(name));
      expect([...new Set(writes)].sort()).to.deep.equal(table.map((g) => g.fn).sort());
    }
  });
});
