/**
 * An executable model of the iPledge ledger (SPEC sections 2 and 3), written from the spec and the
 * interfaces, independent of the contracts' code. Used only by test/Invariants.test.ts.
 *
 * Every action is first *judged* against the model at the time of the block it will be mined in:
 * the verdict says whether the contracts must accept it (and then which single event it emits and
 * how the ledger changes) or must refuse it (and why, for the failure message).
 */
import { ethers } from "ethers";
import { LoanStatus, PatentKind, PatentStatus } from "./enums";
import { checkDigit } from "./patentNumber";

export const DAY = 86_400n;
export const YEAR = 365n * DAY;
export const BPS = 10_000n;
const PENALTY_RATE_BPS = 15_000n;
const MAX_PATENTS_PER_LOAN = 10;
/** The largest product a bank may publish (PledgeFinance.MAX_AMOUNT): ¥10 trillion. */
export const MAX_AMOUNT = 10n ** 15n;
/** PatentRegistry.APPRAISAL_WINDOW: how many of a patent's newest appraisals count. */
export const APPRAISAL_WINDOW = 8;
const MAX_TERM_DAYS = 7_300n;
const MAX_REGISTRATION_NO_LENGTH = 64;

export type Role = "enterprise" | "appraiser" | "ipoffice" | "bank" | "fund" | "regulator" | "admin";

export interface Params {
  ltvCapBps: bigint;
  graceDays: bigint;
  fundShareBps: bigint;
  fundCapacity: bigint;
  fundDecisionDays: bigint;
}

export interface ProductTerms {
  maxAmount: bigint;
  minRateBps: bigint;
  maxRateBps: bigint;
  maxTermDays: bigint;
  ltvBps: bigint;
}

export interface ProductModel extends ProductTerms {
  id: bigint;
  bank: string;
  active: boolean;
}

export interface AppraisalModel {
  value: bigint;
  validUntil: bigint;
}

export interface PatentModel {
  id: bigint;
  number: string;
  kind: bigint;
  owner: string;
  status: bigint;
  grantDate: bigint;
  expiryDate: bigint;
  feePaidUntil: bigint;
  preserved: boolean;
  invalidationPending: boolean;
  loanId: bigint;
  /** The certificate's hash is only in the PatentRegistered event: metadataHash commits to it. */
  metadataHash: string;
  appraisals: AppraisalModel[];
}

export interface LoanModel {
  id: bigint;
  borrower: string;
  bank: string;
  productId: bigint;
  status: bigint;
  patentIds: bigint[];
  requestedAmount: bigint;
  amount: bigint;
  rateBps: bigint;
  termDays: bigint;
  registeredAt: bigint;
  /** The earliest expiry of the patents, recorded at pledge registration: maturity may not pass it. */
  collateralExpiry: bigint;
  disbursedAt: bigint;
  maturityAt: bigint;
  defaultedAt: bigint;
  /** From then on the bank may dispose without the fund's compensation. */
  fundDecisionBy: bigint;
  accruedAt: bigint;
  principalOutstanding: bigint;
  interestDue: bigint;
  penaltyDue: bigint;
  repaid: bigint;
  outstandingAtDefault: bigint;
  compensation: bigint;
  compensated: boolean;
  recovered: bigint;
  registrationNo: string;
  /** The platform's grace period and fund share at disbursement (0 before): the loan keeps them. */
  graceDays: bigint;
  fundShareBps: bigint;
  /** Every status the loan has been in, in order. */
  history: bigint[];
}

export interface Owed {
  principal: bigint;
  interest: bigint;
  penalty: bigint;
  total: bigint;
}

export interface Allocation {
  amount: bigint;
  penalty: bigint;
  interest: bigint;
  principal: bigint;
}

export type EventValue = bigint | string | boolean;

export interface Refusal {
  ok: false;
  why: string;
}

export interface Acceptance {
  ok: true;
  /** The single domain event the transaction must emit. */
  event: string;
  /** The event argument naming the changed entity, and its value. */
  entity?: [string, EventValue];
  /** Other event arguments the model predicts exactly, by path (`paid.amount`). */
  details: Record<string, EventValue>;
  /** Brings the model to the state after the transaction. */
  apply: () => void;
}

export type Verdict = Refusal | Acceptance;

/** The states in which a loan holds its patents (the one-active-loan rule). */
export const ACTIVE_LOAN_STATES: readonly bigint[] = [
  LoanStatus.Applied,
  LoanStatus.Approved,
  LoanStatus.Pledged,
  LoanStatus.Disbursed,
  LoanStatus.Repaid,
  LoanStatus.Defaulted,
  LoanStatus.Disposed,
];

/** SPEC section 3's edges; anything else is an illegal transition. */
export const LOAN_EDGES: ReadonlyMap<bigint, readonly bigint[]> = new Map([
  [LoanStatus.None, [LoanStatus.Applied]],
  [LoanStatus.Applied, [LoanStatus.Approved, LoanStatus.Rejected, LoanStatus.Withdrawn]],
  [LoanStatus.Approved, [LoanStatus.Pledged, LoanStatus.Cancelled]],
  [LoanStatus.Pledged, [LoanStatus.Disbursed, LoanStatus.Cancelled]],
  [LoanStatus.Disbursed, [LoanStatus.Repaid, LoanStatus.Defaulted]],
  [LoanStatus.Repaid, [LoanStatus.Closed]],
  [LoanStatus.Defaulted, [LoanStatus.Disposed]],
  [LoanStatus.Disposed, [LoanStatus.Closed]],
]);

export const isActiveLoan = (status: bigint) => ACTIVE_LOAN_STATES.includes(status);

export const isLegalLoanMove = (from: bigint, to: bigint) => from === to || (LOAN_EDGES.get(from) ?? []).includes(to);

const refuse = (why: string): Refusal => ({ ok: false, why });

/** Who grants and revokes each role: the regulators their own and the authorities', the operator the market's. */
export function roleAdminOf(role: Role): Role {
  return role === "enterprise" || role === "bank" || role === "admin" ? "admin" : "regulator";
}

/** A role's id on chain: keccak256 of its name, the operator's OpenZeppelin's DEFAULT_ADMIN_ROLE (zero). */
export const roleHash = (role: Role) => (role === "admin" ? ethers.ZeroHash : ethers.id(`${role.toUpperCase()}_ROLE`));

function accept(
  event: string,
  entity: [string, EventValue] | undefined,
  apply: () => void,
  details: Record<string, EventValue> = {},
): Acceptance {
  return { ok: true, event, entity, details, apply };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

// ---- patent numbers (SPEC section 2) ----

export type ParsedNumber = { ok: true; normal: string; kind: bigint; id: bigint } | { ok: false; why: string };

const KIND_OF_DIGIT: Record<string, bigint> = {
  "1": PatentKind.Invention,
  "8": PatentKind.Invention,
  "2": PatentKind.UtilityModel,
  "9": PatentKind.UtilityModel,
  "3": PatentKind.Design,
};

/** Normalises and validates a number: spaces removed, upper case, ZL read as CN, shape, kind, check digit. */
export function parsePatentNumber(number: string): ParsedNumber {
  let normal = number.replace(/ /g, "").replace(/[a-z]/g, (c) => c.toUpperCase());
  if (normal.length !== 16) return { ok: false, why: "malformed number" };
  if (normal.startsWith("ZL")) normal = "CN" + normal.slice(2);
  if (!/^CN[0-9]{12}\.[0-9X]$/.test(normal)) return { ok: false, why: "malformed number" };
  const kind = KIND_OF_DIGIT[normal[6]];
  if (kind === undefined) return { ok: false, why: "no kind for the fifth digit" };
  if (normal[15] !== checkDigit(normal.slice(2, 14))) return { ok: false, why: "wrong check digit" };
  return { ok: true, normal, kind, id: BigInt(ethers.keccak256(ethers.toUtf8Bytes(normal))) };
}

// ---- money (SPEC section 3: simple ACT/365 interest, 150% penalty after maturity, rounded down) ----

export function accrue(principal: bigint, rateBps: bigint, from: bigint, to: bigint, maturityAt: bigint) {
  const normalEnd = min(to, maturityAt);
  const interest = normalEnd > from ? (principal * rateBps * (normalEnd - from)) / (BPS * YEAR) : 0n;
  const penaltyStart = max(from, maturityAt);
  const penalty =
    to > penaltyStart ? (principal * rateBps * PENALTY_RATE_BPS * (to - penaltyStart)) / (BPS * BPS * YEAR) : 0n;
  return { interest, penalty };
}

export function allocate(amount: bigint, penaltyDue: bigint, interestDue: bigint): Allocation {
  const penalty = min(amount, penaltyDue);
  const interest = min(amount - penalty, interestDue);
  return { amount, penalty, interest, principal: amount - penalty - interest };
}

// ---- the ledger ----

export class LedgerModel {
  /** The timestamp of the block the next transaction is mined in. */
  now = 0n;
  paused = false;
  fundPaid = 0n;
  readonly patents = new Map<bigint, PatentModel>();
  readonly products: ProductModel[] = [];
  readonly loans: LoanModel[] = [];
  /** Key rotation: each rotated identity's current key, the identity each rotated-in key signs for,
   *  the keys retired, and the keys proposed and not yet accepted. */
  private readonly keys = new Map<string, string>();
  private readonly identities = new Map<string, string>();
  private readonly retired = new Set<string>();
  private readonly proposals = new Map<string, string>();
  /** Every account ever seated: it stays an identity, so it is never a fresh key. */
  private readonly seated: Set<string>;

  /** Each account's one role; role changes (governance, below) edit it. */
  private readonly roles: Map<string, Role>;
  params: Params;

  constructor(roles: ReadonlyMap<string, Role>, params: Params) {
    this.roles = new Map(roles);
    this.seated = new Set([...roles].filter(([, role]) => role !== "admin").map(([account]) => account));
    this.params = params;
  }

  // ---- keys (SPEC section 8: no party can freeze a loan) ----

  /**
   * Whom a transaction signed by `key` acts for: the identity it signs for. A retired key acts for
   * nobody: a name that holds no role, so every role check refuses it.
   */
  actor(key: string): string {
    if (this.retired.has(key)) return `retired ${key}`;
    return this.identities.get(key) ?? key;
  }

  keyOf(identity: string): string {
    return this.keys.get(identity) ?? identity;
  }

  identityOf(key: string): string {
    return this.identities.get(key) ?? key;
  }

  isRetired(key: string): boolean {
    return this.retired.has(key);
  }

  proposedKeyOf(identity: string): string {
    return this.proposals.get(identity) ?? ethers.ZeroAddress;
  }

  /** Organisations (not the operator) have keys to rotate. */
  private isMember(identity: string): boolean {
    const role = this.roles.get(identity);
    return role !== undefined && role !== "admin";
  }

  /** A new key holds no role, is not the operator, and was never an identity or a key. */
  private freshKeyRefusal(key: string): Refusal | undefined {
    if (this.roles.has(key)) return refuse(`the new key holds the ${this.roles.get(key)} role`);
    if (key === ethers.ZeroAddress || this.seated.has(key) || this.identities.has(key)) {
      return refuse("the new key is not fresh");
    }
    return undefined;
  }

  /** By the organisation itself (not while paused) or by a regulator; a later proposal replaces one. */
  proposeKeyRotation(sender: string, identity: string, newKey: string): Verdict {
    if (sender.startsWith("retired ")) return refuse("the key is retired");
    if (!this.isMember(identity)) return refuse("not an organisation");
    if (this.roles.get(sender) !== "regulator") {
      if (sender !== identity) return refuse("only the organisation or a regulator proposes");
      if (this.paused) return refuse("platform paused: only a regulator proposes");
    }
    const refusal = this.freshKeyRefusal(newKey);
    if (refusal) return refusal;
    return accept("KeyRotationProposed", ["identity", identity], () => this.proposals.set(identity, newKey), {
      proposer: sender,
      newKey,
    });
  }

  /** Sent by the proposed key itself; the old key is retired. */
  acceptKeyRotation(key: string, identity: string): Verdict {
    if (this.proposals.get(identity) !== key) return refuse("not the proposed key");
    if (!this.isMember(identity)) return refuse("not an organisation");
    const refusal = this.freshKeyRefusal(key);
    if (refusal) return refusal;
    const oldKey = this.keyOf(identity);
    const apply = () => {
      this.retired.add(oldKey);
      this.identities.set(key, identity);
      this.keys.set(identity, key);
      this.proposals.delete(identity);
    };
    return accept("KeyRotated", ["identity", identity], apply, { oldKey, newKey: key });
  }

  roleOf(account: string): Role | undefined {
    return this.roles.get(account);
  }

  patent(id: bigint): PatentModel | undefined {
    return this.patents.get(id);
  }

  loan(id: bigint): LoanModel | undefined {
    return id >= 1n && id <= BigInt(this.loans.length) ? this.loans[Number(id) - 1] : undefined;
  }

  product(id: bigint): ProductModel | undefined {
    return id >= 1n && id <= BigInt(this.products.length) ? this.products[Number(id) - 1] : undefined;
  }

  /**
   * The newest appraisal still valid now (SPEC: "the newest unexpired appraisal counts") among the
   * APPRAISAL_WINDOW newest: older ones stand superseded, so no call's gas grows with their number.
   */
  currentAppraisal(patent: PatentModel): bigint {
    const oldest = Math.max(0, patent.appraisals.length - APPRAISAL_WINDOW);
    for (let i = patent.appraisals.length - 1; i >= oldest; i--) {
      if (this.now <= patent.appraisals[i].validUntil) return patent.appraisals[i].value;
    }
    return 0n;
  }

  /**
   * What a patent is worth as collateral now: its current appraisal while it stands (Verified or
   * Pledged) and has not expired; a revoked or expired patent is worth nothing.
   */
  collateralValue(patent: PatentModel): bigint {
    const standing = patent.status === PatentStatus.Verified || patent.status === PatentStatus.Pledged;
    return standing && this.now <= patent.expiryDate ? this.currentAppraisal(patent) : 0n;
  }

  appraisedTotal(patentIds: readonly bigint[]): bigint {
    return patentIds.reduce((sum, id) => sum + this.collateralValue(this.patents.get(id)!), 0n);
  }

  effectiveLtvBps(product: ProductModel): bigint {
    return min(product.ltvBps, this.params.ltvCapBps);
  }

  /** The most a bank may approve on `loan` now: product, request and LTV bounds together. */
  approvableAmount(loan: LoanModel): bigint {
    const product = this.product(loan.productId)!;
    const ltvLimit = (this.appraisedTotal(loan.patentIds) * this.effectiveLtvBps(product)) / BPS;
    return min(min(product.maxAmount, loan.requestedAmount), ltvLimit);
  }

  ltvLimit(loan: LoanModel): bigint {
    const product = this.product(loan.productId)!;
    return (this.appraisedTotal(loan.patentIds) * this.effectiveLtvBps(product)) / BPS;
  }

  owed(loan: LoanModel): Owed {
    let { interestDue: interest, penaltyDue: penalty } = loan;
    if (loan.status === LoanStatus.Disbursed) {
      const accrued = accrue(loan.principalOutstanding, loan.rateBps, loan.accruedAt, this.now, loan.maturityAt);
      interest += accrued.interest;
      penalty += accrued.penalty;
    }
    const principal = loan.principalOutstanding;
    return { principal, interest, penalty, total: principal + interest + penalty };
  }

  /** The first second a default may be declared: maturity plus the grace period the loan took at disbursement. */
  defaultableAt(loan: LoanModel): bigint {
    return loan.maturityAt + loan.graceDays * DAY;
  }

  /** What the contract's defaultableAt view returns: 0 before disbursement. */
  defaultableAtView(loan: LoanModel): bigint {
    return loan.maturityAt === 0n ? 0n : this.defaultableAt(loan);
  }

  /** Why the IP office must refuse to register `loan`'s pledge now, or undefined when it must accept. */
  pledgeProblem(loan: LoanModel): { patentId: bigint; why: string; fixable: boolean } | undefined {
    const maturity = this.now + loan.termDays * DAY;
    for (const patentId of loan.patentIds) {
      const patent = this.patents.get(patentId)!;
      if (patent.status !== PatentStatus.Verified) return { patentId, why: "patent not verified", fixable: false };
      const legal = this.legalStatusProblem(patent, maturity);
      if (legal) return { patentId, why: legal, fixable: true };
      if (patent.expiryDate < maturity) return { patentId, why: "patent expires before maturity", fixable: false };
    }
    return undefined;
  }

  /** The refusal rules that can change after registration; disbursement runs them again. */
  legalStatusProblem(patent: PatentModel, maturity: bigint): string | undefined {
    if (patent.feePaidUntil < maturity) return "annual fee unpaid through maturity";
    if (patent.preserved) return "patent under court preservation";
    if (patent.invalidationPending) return "invalidation pending";
    return undefined;
  }

  // ---- access ----

  /** Finance functions check the role, then the pause; registry functions the reverse. Both refuse. */
  private gate(sender: string, role: Role): Refusal | undefined {
    if (this.roles.get(sender) !== role) return refuse(`sender lacks the ${role} role`);
    if (this.paused) return refuse("platform paused");
    return undefined;
  }

  // ---- governance (SPEC section 8: nobody above the regulator) ----

  get regulatorCount(): number {
    return [...this.roles.values()].filter((role) => role === "regulator").length;
  }

  /**
   * grantRole: never the operator's role (two steps only); by the role's admin; while paused only
   * the roles the regulators administer; never to an account holding another role. The fuzz never
   * grants a role already held (OpenZeppelin then emits nothing).
   */
  grantRole(sender: string, role: Role, account: string): Verdict {
    if (role === "admin") return refuse("the operator role changes hands in two steps");
    const refusal = this.roleChangeRefusal(sender, role);
    if (refusal) return refusal;
    const held = this.roles.get(account);
    if (held !== undefined && held !== role) return refuse(`account holds the ${held} role`);
    if (this.identities.has(account)) return refuse("a rotated key is never seated");
    const apply = () => {
      this.roles.set(account, role);
      this.seated.add(account);
    };
    return accept("RoleGranted", ["account", account], apply, {
      sender,
      role: roleHash(role),
    });
  }

  /** revokeRole of a role the account holds: as grantRole, and never the last regulator. */
  revokeRole(sender: string, role: Role, account: string): Verdict {
    if (role === "admin") return refuse("the operator role changes hands in two steps");
    const refusal = this.roleChangeRefusal(sender, role);
    if (refusal) return refusal;
    return this.removeRole(role, account, sender);
  }

  /** renounceRole of the sender's own role. */
  renounceRole(sender: string): Verdict {
    const role = this.roles.get(sender);
    if (role === undefined) return refuse("holds no role");
    if (role === "admin") return refuse("the operator renounces only through a scheduled handover");
    if (this.paused && roleAdminOf(role) !== "regulator") return refuse("platform paused");
    return this.removeRole(role, sender, sender);
  }

  private roleChangeRefusal(sender: string, role: Role): Refusal | undefined {
    const admin = roleAdminOf(role);
    if (this.roles.get(sender) !== admin) return refuse(`only the ${admin} changes the ${role} role`);
    if (this.paused && admin !== "regulator") return refuse("platform paused");
    return undefined;
  }

  private removeRole(role: Role, account: string, sender: string): Verdict {
    if (role === "regulator" && this.regulatorCount <= 1) return refuse("the last regulator stays");
    return accept("RoleRevoked", ["account", account], () => this.roles.delete(account), {
      sender,
      role: roleHash(role),
    });
  }

  // ---- platform ----

  pause(sender: string): Verdict {
    if (this.roles.get(sender) !== "regulator") return refuse("only the regulator pauses");
    if (this.paused) return refuse("already paused");
    return accept("Paused", ["account", sender], () => (this.paused = true));
  }

  unpause(sender: string): Verdict {
    if (this.roles.get(sender) !== "regulator") return refuse("only the regulator unpauses");
    if (!this.paused) return refuse("not paused");
    return accept("Unpaused", ["account", sender], () => (this.paused = false));
  }

  setParams(sender: string, params: Params): Verdict {
    const refusal = this.gate(sender, "admin");
    if (refusal) return refusal;
    if (params.ltvCapBps === 0n || params.ltvCapBps > BPS || params.fundShareBps > BPS) return refuse("invalid params");
    return accept("ParamsUpdated", ["actor", sender], () => (this.params = { ...params }), {
      "params.ltvCapBps": params.ltvCapBps,
      "params.graceDays": params.graceDays,
      "params.fundShareBps": params.fundShareBps,
      "params.fundCapacity": params.fundCapacity,
      "params.fundDecisionDays": params.fundDecisionDays,
    });
  }

  // ---- products ----

  createProduct(sender: string, terms: ProductTerms): Verdict {
    const refusal = this.gate(sender, "bank");
    if (refusal) return refusal;
    const valid =
      terms.maxAmount > 0n &&
      terms.maxAmount <= MAX_AMOUNT &&
      terms.minRateBps <= terms.maxRateBps &&
      terms.maxRateBps <= BPS &&
      terms.maxTermDays > 0n &&
      terms.maxTermDays <= MAX_TERM_DAYS &&
      terms.ltvBps > 0n &&
      terms.ltvBps <= this.params.ltvCapBps;
    if (!valid) return refuse("product terms out of bounds");
    const id = BigInt(this.products.length + 1);
    return accept("ProductCreated", ["productId", id], () =>
      this.products.push({ ...terms, id, bank: sender, active: true }),
    );
  }

  setProductActive(sender: string, productId: bigint, active: boolean): Verdict {
    const refusal = this.gate(sender, "bank");
    if (refusal) return refusal;
    const product = this.product(productId);
    if (!product) return refuse("unknown product");
    if (product.bank !== sender) return refuse("not the product's bank");
    return accept("ProductStatusChanged", ["productId", productId], () => (product.active = active), { active });
  }

  // ---- patents ----

  registerPatent(
    sender: string,
    number: string,
    kind: bigint,
    grantDate: bigint,
    expiryDate: bigint,
    metadataHash: string,
    certificateHash: string,
  ): Verdict {
    const refusal = this.gate(sender, "enterprise");
    if (refusal) return refusal;
    const parsed = parsePatentNumber(number);
    if (!parsed.ok) return refuse(parsed.why);
    if (parsed.kind !== kind) return refuse("declared kind differs from the number's");
    if (!(grantDate <= this.now && this.now < expiryDate)) return refuse("invalid dates");
    if (metadataHash === ethers.ZeroHash || certificateHash === ethers.ZeroHash) return refuse("missing document hash");
    // SPEC 8: a rejected registration frees its number.
    if (this.patents.has(parsed.id) && this.patents.get(parsed.id)!.status !== PatentStatus.Rejected)
      return refuse("number already registered");
    const patent: PatentModel = {
      id: parsed.id,
      number: parsed.normal,
      kind,
      owner: sender,
      status: PatentStatus.Registered,
      grantDate,
      expiryDate,
      feePaidUntil: 0n,
      preserved: false,
      invalidationPending: false,
      loanId: 0n,
      metadataHash,
      appraisals: [],
    };
    return accept("PatentRegistered", ["patentId", parsed.id], () => this.patents.set(parsed.id, patent), {
      owner: sender,
      number: parsed.normal,
      kind,
      grantDate,
      expiryDate,
      metadataHash,
      certificateHash,
    });
  }

  private patentIn(patentId: bigint, states: readonly bigint[]): PatentModel | Refusal {
    const patent = this.patents.get(patentId);
    if (!patent) return refuse("unknown patent");
    if (!states.includes(patent.status)) return refuse(`patent in state ${patent.status}`);
    return patent;
  }

  verifyPatent(sender: string, patentId: bigint, feePaidUntil: bigint): Verdict {
    const patent = this.gate(sender, "ipoffice") ?? this.patentIn(patentId, [PatentStatus.Registered]);
    if ("ok" in patent) return patent;
    return accept(
      "PatentVerified",
      ["patentId", patentId],
      () => {
        patent.status = PatentStatus.Verified;
        patent.feePaidUntil = feePaidUntil;
      },
      { feePaidUntil },
    );
  }

  rejectPatent(sender: string, patentId: bigint): Verdict {
    const patent = this.gate(sender, "ipoffice") ?? this.patentIn(patentId, [PatentStatus.Registered]);
    if ("ok" in patent) return patent;
    // The token is burnt: nobody holds it.
    const apply = () => Object.assign(patent, { status: PatentStatus.Rejected });
    return accept("PatentRejected", ["patentId", patentId], apply);
  }

  /** SPEC: a pledged patent cannot be revoked; the contract revokes only verified ones. */
  revokePatent(sender: string, patentId: bigint): Verdict {
    const patent = this.gate(sender, "ipoffice") ?? this.patentIn(patentId, [PatentStatus.Verified]);
    if ("ok" in patent) return patent;
    return accept("PatentRevoked", ["patentId", patentId], () => (patent.status = PatentStatus.Revoked));
  }

  updateLegalStatus(
    sender: string,
    patentId: bigint,
    feePaidUntil: bigint,
    preserved: boolean,
    invalidationPending: boolean,
  ): Verdict {
    const patent =
      this.gate(sender, "ipoffice") ?? this.patentIn(patentId, [PatentStatus.Verified, PatentStatus.Pledged]);
    if ("ok" in patent) return patent;
    const apply = () => Object.assign(patent, { feePaidUntil, preserved, invalidationPending });
    return accept("LegalStatusUpdated", ["patentId", patentId], apply, {
      loanId: patent.loanId,
      feePaidUntil,
      preserved,
      invalidationPending,
    });
  }

  recordAppraisal(sender: string, patentId: bigint, value: bigint, validUntil: bigint, reportHash: string): Verdict {
    const patent =
      this.gate(sender, "appraiser") ?? this.patentIn(patentId, [PatentStatus.Verified, PatentStatus.Pledged]);
    if ("ok" in patent) return patent;
    if (value === 0n || validUntil <= this.now) return refuse("invalid appraisal");
    if (reportHash === ethers.ZeroHash) return refuse("missing report hash");
    const apply = () => patent.appraisals.push({ value, validUntil });
    return accept("AppraisalRecorded", ["patentId", patentId], apply, {
      appraisalIndex: BigInt(patent.appraisals.length),
      value,
      validUntil,
    });
  }

  /**
   * SPEC section 8: a patent changes hands only as the register records it (recordTransfer,
   * disposal). Owners' ERC-721 transfers and approvals are refused, so no approval ever stands.
   */
  transferPatent(): Verdict {
    return refuse("owners' transfers are refused: the register records transfers");
  }

  approve(): Verdict {
    return refuse("approvals are refused: nobody could use them");
  }

  setApprovalForAll(): Verdict {
    return refuse("approvals are refused: nobody could use them");
  }

  /**
   * The IP office records a change of owner (著录项目变更) to another enterprise, never while the
   * patent is in an application or a loan; the patent is verified again before any pledge.
   */
  recordTransfer(sender: string, patentId: bigint, newOwner: string, documentHash: string): Verdict {
    const patent =
      this.gate(sender, "ipoffice") ?? this.patentIn(patentId, [PatentStatus.Registered, PatentStatus.Verified]);
    if ("ok" in patent) return patent;
    if (patent.loanId !== 0n) return refuse("patent in an active loan");
    if (newOwner === patent.owner || this.roles.get(newOwner) !== "enterprise") return refuse("invalid new owner");
    if (documentHash === ethers.ZeroHash) return refuse("missing document hash");
    const from = patent.owner;
    const apply = () => Object.assign(patent, { owner: newOwner, status: PatentStatus.Registered });
    return accept("PatentTransferRecorded", ["patentId", patentId], apply, { from, to: newOwner, documentHash });
  }

  // ---- loans ----

  applyForLoan(sender: string, productId: bigint, patentIds: bigint[], requested: bigint, termDays: bigint): Verdict {
    const refusal = this.gate(sender, "enterprise");
    if (refusal) return refusal;
    const product = this.product(productId);
    if (!product) return refuse("unknown product");
    if (!product.active) return refuse("product inactive");
    if (patentIds.length === 0 || patentIds.length > MAX_PATENTS_PER_LOAN) return refuse("collateral count");
    if (requested === 0n || requested > product.maxAmount) return refuse("requested amount out of range");
    if (termDays === 0n || termDays > product.maxTermDays) return refuse("term out of range");
    const held = new Set<bigint>();
    for (const patentId of patentIds) {
      const patent = this.patents.get(patentId);
      if (!patent) return refuse("unknown patent");
      if (patent.owner !== sender) return refuse("applicant does not own a patent");
      if (patent.loanId !== 0n || held.has(patentId)) return refuse("patent already in an active loan");
      if (patent.status !== PatentStatus.Verified) return refuse("patent not verified");
      if (this.now > patent.expiryDate) return refuse("patent expired");
      held.add(patentId);
    }
    const id = BigInt(this.loans.length + 1);
    const apply = () => {
      this.loans.push(newLoan(id, sender, product, patentIds, requested, termDays));
      for (const patentId of patentIds) this.patents.get(patentId)!.loanId = id;
    };
    return accept("LoanApplied", ["loanId", id], apply, {
      borrower: sender,
      bank: product.bank,
      productId,
      requestedAmount: requested,
      termDays,
    });
  }

  private loanIn(loanId: bigint, status: bigint): LoanModel | Refusal {
    const loan = this.loan(loanId);
    const current = loan?.status ?? LoanStatus.None;
    if (!loan || current !== status) return refuse(`loan in state ${current}, needs ${status}`);
    return loan;
  }

  private bankLoanIn(sender: string, loanId: bigint, status: bigint): LoanModel | Refusal {
    const loan = this.gate(sender, "bank") ?? this.loanIn(loanId, status);
    if ("ok" in loan) return loan;
    if (loan.bank !== sender) return refuse("not the loan's bank");
    return loan;
  }

  private moveLoan(loan: LoanModel, status: bigint) {
    loan.status = status;
    loan.history.push(status);
  }

  private unreserve(loan: LoanModel) {
    for (const patentId of loan.patentIds) this.patents.get(patentId)!.loanId = 0n;
  }

  withdrawApplication(sender: string, loanId: bigint): Verdict {
    const loan = this.gate(sender, "enterprise") ?? this.loanIn(loanId, LoanStatus.Applied);
    if ("ok" in loan) return loan;
    if (loan.borrower !== sender) return refuse("not the borrower");
    return accept("LoanWithdrawn", ["loanId", loanId], () => {
      this.moveLoan(loan, LoanStatus.Withdrawn);
      this.unreserve(loan);
    });
  }

  approveLoan(sender: string, loanId: bigint, amount: bigint, rateBps: bigint, termDays: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Applied);
    if ("ok" in loan) return loan;
    const product = this.product(loan.productId)!;
    if (amount === 0n || amount > min(product.maxAmount, loan.requestedAmount)) return refuse("amount out of range");
    if (rateBps < product.minRateBps || rateBps > product.maxRateBps) return refuse("rate out of range");
    if (termDays === 0n || termDays > product.maxTermDays) return refuse("term out of range");
    const appraisedTotal = this.appraisedTotal(loan.patentIds);
    const ltvBps = this.effectiveLtvBps(product);
    if (amount > (appraisedTotal * ltvBps) / BPS) return refuse("LTV exceeded");
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Approved);
      Object.assign(loan, { amount, rateBps, termDays });
    };
    return accept("LoanApproved", ["loanId", loanId], apply, { amount, rateBps, termDays, appraisedTotal, ltvBps });
  }

  rejectApplication(sender: string, loanId: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Applied);
    if ("ok" in loan) return loan;
    return accept("LoanRejected", ["loanId", loanId], () => {
      this.moveLoan(loan, LoanStatus.Rejected);
      this.unreserve(loan);
    });
  }

  /** The bank calls the loan off before disbursement; from Pledged the pledge is lifted with it. */
  cancelLoan(sender: string, loanId: bigint): Verdict {
    const refusal = this.gate(sender, "bank");
    if (refusal) return refusal;
    const loan = this.loan(loanId);
    const from = loan?.status ?? LoanStatus.None;
    if (!loan || (from !== LoanStatus.Approved && from !== LoanStatus.Pledged)) {
      return refuse(`loan in state ${from}, needs Approved or Pledged`);
    }
    if (loan.bank !== sender) return refuse("not the loan's bank");
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Cancelled);
      this.unreserve(loan);
      if (from === LoanStatus.Pledged) {
        for (const patentId of loan.patentIds) this.patents.get(patentId)!.status = PatentStatus.Verified;
      }
    };
    return accept("LoanCancelled", ["loanId", loanId], apply, { bank: sender, fromStatus: from });
  }

  registerPledge(sender: string, loanId: bigint, registrationNo: string): Verdict {
    const loan = this.gate(sender, "ipoffice") ?? this.loanIn(loanId, LoanStatus.Approved);
    if ("ok" in loan) return loan;
    const length = ethers.toUtf8Bytes(registrationNo).length;
    if (length === 0 || length > MAX_REGISTRATION_NO_LENGTH) return refuse("invalid registration number");
    const problem = this.pledgeProblem(loan);
    if (problem) return refuse(problem.why);
    const registeredAt = this.now;
    const estimatedMaturity = registeredAt + loan.termDays * DAY;
    const collateralExpiry = loan.patentIds.map((id) => this.patents.get(id)!.expiryDate).reduce(min);
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Pledged);
      Object.assign(loan, { registeredAt, registrationNo, collateralExpiry });
      for (const patentId of loan.patentIds) this.patents.get(patentId)!.status = PatentStatus.Pledged;
    };
    return accept("PledgeRegistered", ["loanId", loanId], apply, {
      borrower: loan.borrower,
      registrationNo,
      registeredAt,
      estimatedMaturity,
    });
  }

  disburse(sender: string, loanId: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Pledged);
    if ("ok" in loan) return loan;
    const maturityAt = this.now + loan.termDays * DAY;
    if (loan.patentIds.some((id) => this.patents.get(id)!.expiryDate < maturityAt)) {
      return refuse("a patent expires before the real maturity");
    }
    for (const id of loan.patentIds) {
      const problem = this.legalStatusProblem(this.patents.get(id)!, maturityAt);
      if (problem) return refuse(`at disbursement: ${problem}`);
    }
    const now = this.now;
    const { graceDays, fundShareBps } = this.params;
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Disbursed);
      Object.assign(loan, {
        disbursedAt: now,
        maturityAt,
        accruedAt: now,
        principalOutstanding: loan.amount,
        graceDays,
        fundShareBps,
      });
    };
    return accept("LoanDisbursed", ["loanId", loanId], apply, {
      amount: loan.amount,
      disbursedAt: now,
      maturityAt,
      graceDays,
      fundShareBps,
    });
  }

  repay(sender: string, loanId: bigint, amount: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Disbursed);
    if ("ok" in loan) return loan;
    const owed = this.owed(loan);
    if (amount === 0n) return refuse("zero repayment");
    if (amount > owed.total) return refuse(`overpayment: ${amount} > owed ${owed.total}`);
    return this.recordRepayment(loan, owed, amount);
  }

  repayInFull(sender: string, loanId: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Disbursed);
    if ("ok" in loan) return loan;
    const owed = this.owed(loan);
    return this.recordRepayment(loan, owed, owed.total);
  }

  private recordRepayment(loan: LoanModel, owed: Owed, amount: bigint): Acceptance {
    const paid = allocate(amount, owed.penalty, owed.interest);
    const remaining: Owed = {
      principal: owed.principal - paid.principal,
      interest: owed.interest - paid.interest,
      penalty: owed.penalty - paid.penalty,
      total: owed.total - amount,
    };
    const status = remaining.principal === 0n ? LoanStatus.Repaid : LoanStatus.Disbursed;
    const now = this.now;
    const apply = () => {
      Object.assign(loan, {
        principalOutstanding: remaining.principal,
        interestDue: remaining.interest,
        penaltyDue: remaining.penalty,
        accruedAt: now,
        repaid: loan.repaid + amount,
      });
      if (status !== loan.status) this.moveLoan(loan, status);
    };
    return accept("RepaymentRecorded", ["loanId", loan.id], apply, {
      "paid.amount": paid.amount,
      "paid.penalty": paid.penalty,
      "paid.interest": paid.interest,
      "paid.principal": paid.principal,
      "remaining.principal": remaining.principal,
      "remaining.interest": remaining.interest,
      "remaining.penalty": remaining.penalty,
      "remaining.total": remaining.total,
      status,
    });
  }

  declareDefault(sender: string, loanId: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Disbursed);
    if ("ok" in loan) return loan;
    if (this.now < this.defaultableAt(loan)) return refuse("default declared before maturity + grace");
    const owed = this.owed(loan);
    const now = this.now;
    const fundDecisionBy = now + this.params.fundDecisionDays * DAY;
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Defaulted);
      Object.assign(loan, {
        defaultedAt: now,
        fundDecisionBy,
        accruedAt: now,
        interestDue: owed.interest,
        penaltyDue: owed.penalty,
        outstandingAtDefault: owed.total,
      });
    };
    return accept("LoanDefaulted", ["loanId", loanId], apply, {
      principalOutstanding: owed.principal,
      interestDue: owed.interest,
      penaltyDue: owed.penalty,
      outstandingAtDefault: owed.total,
      fundDecisionBy,
    });
  }

  /** The fund's share (the one in force at disbursement) of the loss, within what is left of its capacity now. */
  compensationFor(loan: LoanModel): bigint {
    const share = (loan.outstandingAtDefault * loan.fundShareBps) / BPS;
    const capacityLeft = this.params.fundCapacity > this.fundPaid ? this.params.fundCapacity - this.fundPaid : 0n;
    return min(share, capacityLeft);
  }

  compensate(sender: string, loanId: bigint): Verdict {
    const loan = this.gate(sender, "fund") ?? this.loanIn(loanId, LoanStatus.Defaulted);
    if ("ok" in loan) return loan;
    if (loan.compensated) return refuse("already compensated");
    const compensation = this.compensationFor(loan);
    const apply = () => {
      Object.assign(loan, { compensated: true, compensation });
      this.fundPaid += compensation;
    };
    return accept("LossCompensated", ["loanId", loanId], apply, {
      compensation,
      outstandingAtDefault: loan.outstandingAtDefault,
      fundPaidTotal: this.fundPaid + compensation,
    });
  }

  dispose(sender: string, loanId: bigint, buyer: string, recovered: bigint): Verdict {
    const loan = this.bankLoanIn(sender, loanId, LoanStatus.Defaulted);
    if ("ok" in loan) return loan;
    if (!loan.compensated && this.now < loan.fundDecisionBy) return refuse("the fund's decision window is open");
    if (buyer === loan.borrower || this.roles.get(buyer) !== "enterprise") return refuse("invalid buyer");
    const toCreditors = min(recovered, loan.outstandingAtDefault);
    const fundRecovery = (toCreditors * loan.compensation) / loan.outstandingAtDefault;
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Disposed);
      loan.recovered = recovered;
      for (const patentId of loan.patentIds) {
        Object.assign(this.patents.get(patentId)!, {
          status: PatentStatus.Verified,
          owner: buyer,
        });
      }
    };
    return accept("CollateralDisposed", ["loanId", loanId], apply, {
      buyer,
      recovered,
      bankRecovery: toCreditors - fundRecovery,
      fundRecovery,
      borrowerSurplus: recovered - toCreditors,
    });
  }

  releasePledge(sender: string, loanId: bigint): Verdict {
    const refusal = this.gate(sender, "ipoffice");
    if (refusal) return refusal;
    const loan = this.loan(loanId);
    const from = loan?.status ?? LoanStatus.None;
    if (!loan || (from !== LoanStatus.Repaid && from !== LoanStatus.Disposed)) {
      return refuse(`loan in state ${from}, needs Repaid or Disposed`);
    }
    const apply = () => {
      this.moveLoan(loan, LoanStatus.Closed);
      for (const patentId of loan.patentIds) {
        const patent = this.patents.get(patentId)!;
        patent.loanId = 0n;
        if (from === LoanStatus.Repaid) patent.status = PatentStatus.Verified;
      }
    };
    return accept("PledgeReleased", ["loanId", loanId], apply, { fromStatus: from });
  }
}

function newLoan(
  id: bigint,
  borrower: string,
  product: ProductModel,
  patentIds: bigint[],
  requestedAmount: bigint,
  termDays: bigint,
): LoanModel {
  return {
    id,
    borrower,
    bank: product.bank,
    productId: product.id,
    status: LoanStatus.Applied,
    patentIds: [...patentIds],
    requestedAmount,
    amount: 0n,
    rateBps: 0n,
    termDays,
    registeredAt: 0n,
    collateralExpiry: 0n,
    disbursedAt: 0n,
    maturityAt: 0n,
    defaultedAt: 0n,
    fundDecisionBy: 0n,
    accruedAt: 0n,
    principalOutstanding: 0n,
    interestDue: 0n,
    penaltyDue: 0n,
    repaid: 0n,
    outstandingAtDefault: 0n,
    compensation: 0n,
    compensated: false,
    recovered: 0n,
    registrationNo: "",
    graceDays: 0n,
    fundShareBps: 0n,
    history: [LoanStatus.Applied],
  };
}

/** Whether a patent's token exists: a rejected registration's is burnt. */
export function hasToken(patent: PatentModel): boolean {
  return patent.status !== PatentStatus.Rejected;
}
