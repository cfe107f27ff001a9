import { ethers } from "hardhat";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/signers";
import type { BaseContract } from "ethers";
import { DEFAULT_PARAMS, PRODUCT_TERMS, hash, type Platform } from "./fixtures";

/**
 * Every state-changing function that a role guards, with a way to call it. Arguments are
 * harmless placeholders: the access matrix expects the role check to refuse first, the pause
 * matrix expects the pause to.
 */
export type Guarded = {
  fn: string;
  /** Names the case in test titles when one function is guarded by several roles. */
  label?: string;
  role: string;
  on: (p: Platform) => BaseContract;
  call: (p: Platform, as: HardhatEthersSigner) => Promise<unknown>;
};

export const FINANCE_CORE = ethers.id("FINANCE_CORE_ROLE");
export const DEFAULT_ADMIN = ethers.ZeroHash;
const H = hash("x");
export const ROLES = {
  enterprise: ethers.id("ENTERPRISE_ROLE"),
  appraiser: ethers.id("APPRAISER_ROLE"),
  ipoffice: ethers.id("IPOFFICE_ROLE"),
  bank: ethers.id("BANK_ROLE"),
  fund: ethers.id("FUND_ROLE"),
  regulator: ethers.id("REGULATOR_ROLE"),
  /** The operator's: OpenZeppelin's DEFAULT_ADMIN_ROLE. */
  admin: DEFAULT_ADMIN,
};

const FINANCE_CALLS: Omit<Guarded, "on">[] = [
  { fn: "setRegistry", role: DEFAULT_ADMIN, call: (p, s) => p.finance.connect(s).setRegistry(s.address) },
  { fn: "setParams", role: ROLES.admin, call: (p, s) => p.finance.connect(s).setParams(DEFAULT_PARAMS) },
  {
    fn: "grantRole",
    label: "grantRole (a market role)",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).grantRole(p.roles.bank, s.address),
  },
  {
    fn: "grantRole",
    label: "grantRole (an authority's role)",
    role: ROLES.regulator,
    call: (p, s) => p.finance.connect(s).grantRole(p.roles.ipoffice, s.address),
  },
  {
    fn: "revokeRole",
    label: "revokeRole (a market role)",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).revokeRole(p.roles.bank, p.bank1.address),
  },
  {
    fn: "revokeRole",
    label: "revokeRole (a regulator's role)",
    role: ROLES.regulator,
    call: (p, s) => p.finance.connect(s).revokeRole(p.roles.regulator, p.regulator.address),
  },
  {
    fn: "beginDefaultAdminTransfer",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).beginDefaultAdminTransfer(s.address),
  },
  {
    fn: "cancelDefaultAdminTransfer",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).cancelDefaultAdminTransfer(),
  },
  {
    fn: "changeDefaultAdminDelay",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).changeDefaultAdminDelay(1n),
  },
  {
    fn: "rollbackDefaultAdminDelay",
    role: ROLES.admin,
    call: (p, s) => p.finance.connect(s).rollbackDefaultAdminDelay(),
  },
  { fn: "pause", role: ROLES.regulator, call: (p, s) => p.finance.connect(s).pause() },
  { fn: "unpause", role: ROLES.regulator, call: (p, s) => p.finance.connect(s).unpause() },
  { fn: "createProduct", role: ROLES.bank, call: (p, s) => p.finance.connect(s).createProduct(PRODUCT_TERMS, H) },
  { fn: "setProductActive", role: ROLES.bank, call: (p, s) => p.finance.connect(s).setProductActive(1n, false) },
  {
    fn: "applyForLoan",
    role: ROLES.enterprise,
    call: (p, s) => p.finance.connect(s).applyForLoan(1n, [1n], 1n, 1n, H),
  },
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
];
/** Role changes the regulators make go on while paused, so a compromised authority's key can go. */
export const pausable = (g: Guarded) =>
  !["setRegistry", "pause", "unpause"].includes(g.fn) &&
  g.role !== FINANCE_CORE &&
  !(g.role === ROLES.regulator && ["grantRole", "revokeRole"].includes(g.fn));

export const GUARDED_FINANCE: Guarded[] = FINANCE_CALLS.map((g) => ({ ...g, on: (p: Platform) => p.finance }));

const REGISTRY_CALLS: Omit<Guarded, "on">[] = [
  {
    fn: "registerPatent",
    role: ROLES.enterprise,
    call: (p, s) => p.registry.connect(s).registerPatent("CN201710601862.3", 0n, 0n, 2n ** 32n - 1n, H, H),
  },
  { fn: "verifyPatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).verifyPatent(1n, 1n) },
  { fn: "rejectPatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).rejectPatent(1n, H) },
  { fn: "revokePatent", role: ROLES.ipoffice, call: (p, s) => p.registry.connect(s).revokePatent(1n, H) },
  {
    fn: "recordTransfer",
    role: ROLES.ipoffice,
    call: (p, s) => p.registry.connect(s).recordTransfer(1n, s.address, H),
  },
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
  { fn: "pledge", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).pledge(1n, [1n], 1n) },
  { fn: "releasePledge", role: FINANCE_CORE, call: (p, s) => p.registry.connect(s).releasePledge(1n, [1n]) },
  {
    fn: "transferCollateral",
    role: FINANCE_CORE,
    call: (p, s) => p.registry.connect(s).transferCollateral(1n, [1n], s.address),
  },
];
export const GUARDED_REGISTRY: Guarded[] = REGISTRY_CALLS.map((g) => ({ ...g, on: (p: Platform) => p.registry }));

/** Each signer of the fixture by organisation kind, and the roles it holds. */
export const SIGNERS: { kind: string; signer: (p: Platform) => HardhatEthersSigner; holds: string[] }[] = [
  { kind: "enterprise", signer: (p) => p.ent1, holds: [ROLES.enterprise] },
  { kind: "appraiser", signer: (p) => p.appraiser, holds: [ROLES.appraiser] },
  { kind: "ipoffice", signer: (p) => p.ipoffice, holds: [ROLES.ipoffice] },
  { kind: "bank", signer: (p) => p.bank1, holds: [ROLES.bank] },
  { kind: "fund", signer: (p) => p.fund, holds: [ROLES.fund] },
  { kind: "regulator", signer: (p) => p.regulator, holds: [ROLES.regulator] },
  { kind: "admin", signer: (p) => p.admin, holds: [ROLES.admin] },
  { kind: "no role", signer: (p) => p.outsider, holds: [] },
];
